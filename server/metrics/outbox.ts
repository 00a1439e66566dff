/**
 * What waits in the two outboxes: e-mails and webhook deliveries not yet delivered (queued or to be
 * retried), and how long the oldest has waited since it was written. Both counts read only the
 * waiting rows, through partial indexes that hold nothing else, so a scrape costs as much as the
 * backlog, not the history. Deliveries to a disabled endpoint wait for it to be enabled and are
 * the partner's to deal with; they are not counted.
 */
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client.ts";
import { mailOutbox, webhookDeliveries } from "../db/schema/index.ts";

export type Outbox = "mail" | "webhook";

export interface Waiting {
  queued: number;
  /** Seconds since the oldest waiting one was written; 0 when none waits. */
  oldestAgeSeconds: number;
}

export async function waitingInOutboxes(db: Database, now: Date): Promise<Record<Outbox, Waiting>> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const age = (oldest: unknown) =>
    sql`coalesce(greatest(0, extract(epoch from ${at} - min(${oldest}))), 0)::float8`;
  const rows = await queryRows<{ outbox: Outbox; queued: number; oldest_age: number }>(
    db,
    sql`select 'mail' as outbox, count(*)::int as queued, ${age(mailOutbox.queuedAt)} as oldest_age
      from ${mailOutbox} where ${mailOutbox.status} in ('queued', 'retrying')
    union all
    select 'webhook', count(*)::int, ${age(webhookDeliveries.createdAt)}
      from ${webhookDeliveries}
      where ${webhookDeliveries.status} in ('queued', 'retrying') and ${webhookDeliveries.endpointEnabled}`,
  );
  const waiting: Record<Outbox, Waiting> = {
    mail: { queued: 0, oldestAgeSeconds: 0 },
    webhook: { queued: 0, oldestAgeSeconds: 0 },
  };
  for (const row of rows) {
    waiting[row.outbox] = { queued: row.queued, oldestAgeSeconds: row.oldest_age };
  }
  return waiting;
}
