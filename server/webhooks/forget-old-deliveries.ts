/**
 * Forgetting deliveries: a delivered or failed delivery, with its attempt log, is kept for
 * WEBHOOK_RETENTION_DAYS after its last attempt, then deleted; the events stay in the feed.
 * Deliveries still waiting or being worked on are never forgotten.
 */
import { and, inArray, sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client.ts";
import { webhookAttempts, webhookDeliveries } from "../db/schema/index.ts";

/**
 * Forgets up to `batchSize` settled deliveries whose last attempt is older than `retentionMs`;
 * returns how many. `next_attempt_at` of a settled delivery is its last claim's lease (a
 * redelivery claims it again, so the clock starts over). Rows are locked as they are chosen, so
 * a redelivery asked for meanwhile waits and then finds the delivery gone; instances running this
 * at once take different rows.
 */
export async function forgetOldDeliveries(
  db: Database,
  now: Date,
  retentionMs: number,
  batchSize: number,
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionMs);
  return db.transaction(async (tx) => {
    const settled = await queryRows<{ id: string }>(
      tx,
      sql`select id from ${webhookDeliveries}
        where status in ('delivered', 'failed') and next_attempt_at < ${cutoff.toISOString()}::timestamptz
        limit ${batchSize} for update skip locked`,
    );
    const ids = settled.map((row) => row.id);
    if (ids.length === 0) return 0;
    await tx.delete(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ids));
    await tx
      .delete(webhookDeliveries)
      .where(
        and(
          inArray(webhookDeliveries.id, ids),
          inArray(webhookDeliveries.status, ["delivered", "failed"]),
        ),
      );
    return ids.length;
  });
}
