/**
 * Reading the security log: filtered in the database and paged by id (keyset), newest first, so a
 * page costs the same however deep it is and events written meanwhile never shift it. A partner's
 * reader sees the client address only of events done by their partner's own people or by nobody
 * (a failed sign-in): where Customer Success acted in the partner's log, their address is theirs.
 */
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SecurityLogPage } from "../../shared/api/security-log.ts";
import type { SecurityEventKind } from "../../shared/domain/security-log.ts";
import type { Actor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { partners, securityEvents, users } from "../db/schema/index.ts";
import { writtenLimit } from "../db/written.ts";

const actorUser = alias(users, "actor_user");

export interface SecurityLogFilter {
  kind?: SecurityEventKind | undefined;
  partnerId?: string | undefined;
  actor?: string | undefined;
  before?: number | undefined;
  limit: number;
}

/** Customer Success reads every event (or one partner's); anyone else only their partner's. */
function scopeOf(reader: Actor, partnerId: string | undefined): SQL | undefined {
  if (reader.kind === "partner_user") return eq(securityEvents.partnerId, reader.partnerId);
  return partnerId === undefined ? undefined : eq(securityEvents.partnerId, partnerId);
}

export async function listSecurityEvents(
  db: Database,
  reader: Actor,
  filter: SecurityLogFilter,
): Promise<SecurityLogPage> {
  const rows = await db
    .select({
      event: securityEvents,
      partnerName: partners.name,
      actorPartnerId: actorUser.partnerId,
    })
    .from(securityEvents)
    .leftJoin(partners, eq(partners.id, securityEvents.partnerId))
    .leftJoin(actorUser, eq(actorUser.id, securityEvents.actorId))
    .where(
      and(
        scopeOf(reader, filter.partnerId),
        filter.kind === undefined ? undefined : eq(securityEvents.kind, filter.kind),
        filter.actor === undefined ? undefined : eq(securityEvents.actorId, filter.actor),
        filter.before === undefined ? undefined : lt(securityEvents.id, filter.before),
      ),
    )
    .orderBy(desc(securityEvents.id))
    .limit(writtenLimit(filter.limit + 1));
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map(({ event, partnerName, actorPartnerId }) => ({
      id: event.id,
      at: event.at.toISOString(),
      kind: event.kind,
      actor: event.actorId === null ? null : { id: event.actorId, name: event.actorName ?? "" },
      partner: event.partnerId === null ? null : { id: event.partnerId, name: partnerName ?? "" },
      subject: event.subject,
      address:
        reader.kind === "partner_user" &&
        event.actorId !== null &&
        actorPartnerId !== reader.partnerId
          ? null
          : event.address,
      detail: event.detail,
    })),
    next: rows.length > filter.limit ? (page.at(-1)?.event.id ?? null) : null,
  };
}
