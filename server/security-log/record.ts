/**
 * Writing to the security log, in the transaction of the change it records, so that an event exists
 * exactly when its change does. Events are never changed or removed (the database refuses it).
 */
import type { SecurityEventKind } from "../../shared/domain/security-log.ts";
import type { Actor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { securityEvents } from "../db/schema/index.ts";

export interface SecurityEvent {
  kind: SecurityEventKind;
  at: Date;
  /** Who did it: a signed-in person, or null (the command line, an anonymous sign-in attempt). */
  actor: Pick<Actor, "userId" | "name"> | null;
  /** Whose business it is; null for the platform's own (staff, the catalogue, the test clock). */
  partnerId: string | null;
  /** What it was done to, in words: an e-mail address, a key's name, a licence's name. */
  subject?: string | null;
  /** The request's client address. */
  address?: string | null;
  /** What changed: `{ before, after }` where there was a before, else the facts of the event. */
  detail?: Record<string, unknown>;
}

export async function recordSecurityEvent(db: Database, event: SecurityEvent): Promise<void> {
  await db.insert(securityEvents).values({
    kind: event.kind,
    at: event.at,
    actorId: event.actor?.userId ?? null,
    actorName: event.actor?.name ?? null,
    partnerId: event.partnerId,
    subject: event.subject ?? null,
    address: event.address ?? null,
    detail: event.detail ?? {},
  });
}
