/**
 * Redelivering: a delivered or failed delivery is queued again, due now, with a fresh set of
 * retries; its earlier attempts stay in the log. One still being worked on is left as it is.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { webhookDeliveries, webhookEndpoints } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";

/** The caller has already found the endpoint within the actor's scope. */
export async function redeliver({
  db,
  endpointId,
  deliveryId,
  now,
}: {
  db: Database;
  endpointId: string;
  deliveryId: string;
  now: Date;
}): Promise<void> {
  const ofEndpoint = and(
    eq(webhookDeliveries.id, deliveryId),
    eq(webhookDeliveries.endpointId, endpointId),
  );
  const [requeued] = await db
    .update(webhookDeliveries)
    .set({
      status: "queued",
      attempts: 0,
      nextAttemptAt: now,
      deliveredAt: null,
      // Held while the endpoint is disabled; FOR SHARE waits for an enabling or disabling under way.
      endpointEnabled: sql`(select enabled from ${webhookEndpoints} where id = ${endpointId} for share)`,
    })
    .where(and(ofEndpoint, inArray(webhookDeliveries.status, ["delivered", "failed"])))
    .returning({ id: webhookDeliveries.id });
  if (requeued) return;
  const [exists] = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(ofEndpoint);
  if (!exists) throw notFound("delivery");
}
