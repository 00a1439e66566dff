/**
 * Deleting an endpoint, with its deliveries and their attempts: the log is about the endpoint and
 * goes with it. The events stay in the event log. To keep the log, disable the endpoint instead.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import { webhookEndpointScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";

export async function deleteEndpoint({
  db,
  actor,
  endpointId,
}: {
  db: Database;
  actor: Actor;
  endpointId: string;
}): Promise<void> {
  await db.transaction(async (tx) => {
    // Locked first, so that no new delivery is fanned out to it while its deliveries go.
    const [endpoint] = await tx
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, endpointId), webhookEndpointScope(actor)))
      .for("update");
    if (!endpoint) throw notFound("webhook endpoint");
    const deliveries = tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpointId));
    await tx.delete(webhookAttempts).where(inArray(webhookAttempts.deliveryId, deliveries));
    await tx.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  });
}
