/** Reading webhook endpoints and their deliveries, always within the actor's scope. */
import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type {
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookDeliveryQuery,
  WebhookEndpoint,
} from "../../shared/api/webhooks.ts";
import type { Actor } from "../access/actor.ts";
import { webhookEndpointScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import {
  events,
  partners,
  users,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from "../db/schema/index.ts";
import { writtenLimit } from "../db/written.ts";

function withNames(db: Database) {
  return db
    .select({
      endpoint: {
        id: webhookEndpoints.id,
        partnerId: webhookEndpoints.partnerId,
        url: webhookEndpoints.url,
        description: webhookEndpoints.description,
        eventTypes: webhookEndpoints.eventTypes,
        enabled: webhookEndpoints.enabled,
        consecutiveFailures: webhookEndpoints.consecutiveFailures,
        disabledAt: webhookEndpoints.disabledAt,
        disabledReason: webhookEndpoints.disabledReason,
        previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
        createdBy: webhookEndpoints.createdBy,
        createdAt: webhookEndpoints.createdAt,
      },
      partnerName: partners.name,
      creatorName: users.name,
    })
    .from(webhookEndpoints)
    .leftJoin(partners, eq(partners.id, webhookEndpoints.partnerId))
    .innerJoin(users, eq(users.id, webhookEndpoints.createdBy));
}

type Row = Awaited<ReturnType<ReturnType<typeof withNames>["execute"]>>[number];

function toEndpoint(row: Row, now: Date): WebhookEndpoint {
  const e = row.endpoint;
  const previousValid = e.previousSecretExpiresAt && e.previousSecretExpiresAt > now;
  return {
    id: e.id,
    partner: e.partnerId ? { id: e.partnerId, name: row.partnerName ?? "" } : null,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    enabled: e.enabled,
    consecutiveFailures: e.consecutiveFailures,
    disabledAt: e.disabledAt?.toISOString() ?? null,
    disabledReason:
      e.disabledReason === "failing" || e.disabledReason === "by_user" ? e.disabledReason : null,
    previousSecretExpiresAt: previousValid
      ? (e.previousSecretExpiresAt?.toISOString() ?? null)
      : null,
    createdBy: { id: e.createdBy, name: row.creatorName },
    createdAt: e.createdAt.toISOString(),
  };
}

/** The actor's endpoints, platform-wide ones first, then oldest first. */
export async function listEndpoints(
  db: Database,
  actor: Actor,
  now: Date,
): Promise<WebhookEndpoint[]> {
  const rows = await withNames(db)
    .where(webhookEndpointScope(actor))
    .orderBy(
      sql`${webhookEndpoints.partnerId} is not null`,
      asc(partners.name),
      asc(webhookEndpoints.createdAt),
      asc(webhookEndpoints.id),
    );
  return rows.map((row) => toEndpoint(row, now));
}

export async function findEndpoint(
  db: Database,
  actor: Actor,
  id: string,
  now: Date,
): Promise<WebhookEndpoint | null> {
  const [row] = await withNames(db).where(
    and(eq(webhookEndpoints.id, id), webhookEndpointScope(actor)),
  );
  return row ? toEndpoint(row, now) : null;
}

/** An endpoint's deliveries, newest first, each with its attempts (newest first). */
export async function listDeliveries(
  db: Database,
  endpointId: string,
  query: WebhookDeliveryQuery,
): Promise<WebhookDeliveryPage> {
  const filters: (SQL | undefined)[] = [eq(webhookDeliveries.endpointId, endpointId)];
  if (query.status) filters.push(eq(webhookDeliveries.status, query.status));
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        delivery: webhookDeliveries,
        event: { id: events.id, type: events.type, occurredAt: events.occurredAt },
      })
      .from(webhookDeliveries)
      .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
      .where(where)
      .orderBy(desc(webhookDeliveries.createdAt), desc(events.position))
      .limit(writtenLimit(query.pageSize))
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(webhookDeliveries).where(where),
  ]);
  const ids = rows.map((row) => row.delivery.id);
  const attempts =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(webhookAttempts)
          .where(inArray(webhookAttempts.deliveryId, ids))
          .orderBy(desc(webhookAttempts.attemptedAt), desc(webhookAttempts.id));
  const items: WebhookDelivery[] = rows.map(({ delivery: d, event }) => {
    const pending = d.status === "queued" || d.status === "retrying";
    return {
      id: d.id,
      event: { id: event.id, type: event.type, occurredAt: event.occurredAt.toISOString() },
      status: d.status,
      attempts: d.attempts,
      nextAttemptAt: pending ? d.nextAttemptAt.toISOString() : null,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
      attemptLog: attempts
        .filter((a) => a.deliveryId === d.id)
        .map((a) => ({
          attemptedAt: a.attemptedAt.toISOString(),
          statusCode: a.statusCode,
          durationMs: a.durationMs,
          error: a.error,
          responseExcerpt: a.responseExcerpt,
        })),
    };
  });
  return { items, page: query.page, pageSize: query.pageSize, total: total?.value ?? 0 };
}
