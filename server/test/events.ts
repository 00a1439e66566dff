/** The events recorded for a partner or an account, in log order, read as integrators receive them. */
import { asc, eq, type SQL } from "drizzle-orm";
import { type Event, event } from "../../shared/api/events.ts";
import type { Database } from "../db/client.ts";
import { events } from "../db/schema/index.ts";

export async function recordedEvents(db: Database, where: SQL | undefined): Promise<Event[]> {
  const rows = await db.select().from(events).where(where).orderBy(asc(events.position));
  // Parsed with the published schema: a payload that drifts from it fails the test that reads it.
  return rows.map(({ id, type, occurredAt, partnerId, accountId, data }) =>
    event.parse({ id, type, occurredAt: occurredAt.toISOString(), partnerId, accountId, data }),
  );
}

export const ofPartner = (partnerId: string) => eq(events.partnerId, partnerId);
export const ofAccount = (accountId: string) => eq(events.accountId, accountId);
