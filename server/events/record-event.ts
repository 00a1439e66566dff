/**
 * Recording an event: one row of the event log, written with the caller's transaction so that it
 * exists exactly when the change it reports does. The database fans it out to the subscribed
 * webhook endpoints in that same transaction; nothing is sent here.
 */
import type { EventData } from "../../shared/api/events.ts";
import type { EventType } from "../../shared/domain/events.ts";
import type { Database } from "../db/client.ts";
import { events } from "../db/schema/index.ts";

/** An event to record; its `data` is typed by its `type`, as shared/api/events.ts publishes it. */
export type NewEvent = {
  [T in EventType]: {
    type: T;
    partnerId: string | null;
    accountId: string | null;
    occurredAt: Date;
    data: EventData<T>;
  };
}[EventType];

export async function recordEvent(tx: Database, event: NewEvent): Promise<void> {
  await tx.insert(events).values(event);
}
