/**
 * Deleting an endpoint, with its deliveries and their attempts: the log is about the endpoint and
 * goes with it. The events stay in the event log. To keep the log, disable the endpoint instead.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import { webhookEndpointScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { recordSecurityEvent } from "../security-log/record.ts";

export async function deleteEndpoint({
  db,
  actor,
  endpointId,
  now,
  address,
}: {
  db: Database;
  actor: Actor;
  endpointId: string;
  now: Date;
  /** The request's client address, for the security log. */
  address?: string;
}): Promise<void> {
  // Disabled and committed first: from then on the fan-out trigger gives it no new delivery, so a
  // change recording an event meanwhile never trips over the endpoint going away.
  const [disabled] = await db
    .update(webhookEndpoints)
    .set({ enabled: false })
    .where(and(eq(webhookEndpoints.id, endpointId), webhookEndpointScope(actor)))
    .returning({ partnerId: webhookEndpoints.partnerId, url: webhookEndpoints.url });
  if (!disabled) throw notFound("webhook endpoint");
  await db.transaction(async (tx) => {
    // The endpoint, then its deliveries, locked before anything goes: a deliverer recording an
    // attempt waits, then finds its claim gone.
    await tx
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpointId))
      .for("update");
    await tx.execute(
      sql`select count(*) from (select 1 from ${webhookDeliveries} where ${webhookDeliveries.endpointId} = ${endpointId} for update) locked`,
    );
    const ofEndpoint = tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpointId));
    await tx.delete(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ofEndpoint));
    await tx.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
    await recordSecurityEvent(tx, {
      kind: "webhook_endpoint_deleted",
      at: now,
      actor,
      partnerId: disabled.partnerId,
      subject: disabled.url,
      address: address ?? null,
      detail: { webhookEndpointId: endpointId },
    });
  });
}
