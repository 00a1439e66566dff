/**
 * The event feed: the event log in commit-safe order, for integrators who poll. Events are read by
 * (transaction id, position) and only those of transactions older than the oldest one still
 * running, so that an event that commits late can never land behind a cursor that has moved on:
 * what a page leaves out now comes on a later page, and nothing is skipped.
 */
import { and, asc, inArray, type SQL, sql } from "drizzle-orm";
import type { Event as FeedEvent } from "../../shared/api/events.ts";
import type { EventFeedPage, EventFeedQuery } from "../../shared/api/webhooks.ts";
import type { Caller } from "../access/actor.ts";
import { eventScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { events } from "../db/schema/index.ts";
import { writtenLimit } from "../db/written.ts";

/** A cursor is where the last event read was: `<transaction id>.<position>`. */
export function cursorOf(transactionId: number, position: number): string {
  return `${transactionId}.${position}`;
}

function parseCursor(cursor: string | undefined): [number, number] {
  if (!cursor) return [0, 0];
  const [transactionId = "0", position = "0"] = cursor.split(".");
  return [Number(transactionId), Number(position)];
}

export async function readEvents(
  db: Database,
  caller: Caller,
  query: EventFeedQuery,
): Promise<EventFeedPage> {
  const [transactionId, position] = parseCursor(query.after);
  const filters: (SQL | undefined)[] = [
    eventScope(caller),
    sql`(${events.transactionId}, ${events.position}) > (${transactionId}, ${position})`,
    sql`${events.transactionId} < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`,
  ];
  if (query.type) filters.push(inArray(events.type, query.type));
  const rows = await db
    .select()
    .from(events)
    .where(and(...filters))
    .orderBy(asc(events.transactionId), asc(events.position))
    .limit(writtenLimit(query.limit));
  const last = rows.at(-1);
  return {
    // The data was written to its type's schema; the response schema checks it again.
    events: rows.map(
      (e) =>
        ({
          id: e.id,
          type: e.type,
          occurredAt: e.occurredAt.toISOString(),
          partnerId: e.partnerId,
          accountId: e.accountId,
          data: e.data,
        }) as FeedEvent,
    ),
    next: last ? cursorOf(last.transactionId, last.position) : cursorOf(transactionId, position),
  };
}
