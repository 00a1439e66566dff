/** The events recorded for a partner or an account, in log order, read as integrators receive them. */
import { setTimeout as sleep } from "node:timers/promises";
import { asc, eq, type SQL, sql } from "drizzle-orm";
import { type Event, event } from "../../shared/api/events.ts";
import { type Database, queryRows } from "../db/client.ts";
import { events } from "../db/schema/index.ts";
import { onPostgres } from "./harness.ts";

export async function recordedEvents(db: Database, where: SQL | undefined): Promise<Event[]> {
  const rows = await db.select().from(events).where(where).orderBy(asc(events.position));
  // Parsed with the published schema: a payload that drifts from it fails the test that reads it.
  return rows.map(({ id, type, occurredAt, partnerId, accountId, data }) =>
    event.parse({ id, type, occurredAt: occurredAt.toISOString(), partnerId, accountId, data }),
  );
}

export const ofPartner = (partnerId: string) => eq(events.partnerId, partnerId);
export const ofAccount = (accountId: string) => eq(events.accountId, accountId);

/**
 * Waits until every transaction running now has ended. The event readers (the feed, the mail of
 * usage alerts) take an event only once no transaction that began before it can still commit, and
 * transaction ids are the whole server's: another test file's writes, in another database
 * meanwhile, hold them back for as long as they run.
 */
export async function eventsReadable(db: Database): Promise<void> {
  if (!onPostgres) return;
  const horizon = sql`pg_snapshot_xmax(pg_current_snapshot())::text::bigint`;
  const [now] = await queryRows<{ next: string }>(db, sql`select ${horizon} as next`);
  for (let waited = 0; waited < 20_000; waited += 50) {
    const [oldest] = await queryRows<{ running: string }>(
      db,
      sql`select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as running`,
    );
    if (BigInt(oldest?.running ?? 0) >= BigInt(now?.next ?? 0)) return;
    await sleep(50);
  }
  throw new Error("a transaction of the database server stayed open for 20 s");
}
