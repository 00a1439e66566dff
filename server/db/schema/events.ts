/**
 * Events and webhooks. Every event is a row of `events`, written in the transaction of the change it
 * reports; a trigger fans it out to one delivery per enabled endpoint that subscribed to it, in that
 * same transaction, so a rolled-back change leaves neither an event nor a delivery. The deliverer
 * then works the deliveries (at least once, SKIP LOCKED claims) and logs every attempt.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { EVENT_TYPES, type EventType } from "../../../shared/domain/events.ts";
import { accounts } from "./accounts.ts";
import { sqlList } from "./columns.ts";
import { partners, users } from "./partners-and-people.ts";

/**
 * The event log, append-only. Readers page it by (`transaction_id`, `position`) and only up to the
 * oldest transaction still running, so that an event committed late is never skipped by a cursor
 * that already moved past its position.
 */
export const events = pgTable(
  "events",
  {
    id: uuid().primaryKey().defaultRandom(),
    position: bigint({ mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    /** The writing transaction's id (`pg_current_xact_id()`), for gap-free reading. */
    transactionId: bigint("transaction_id", { mode: "number" })
      .notNull()
      .default(sql`(pg_current_xact_id()::text::bigint)`),
    type: text().$type<EventType>().notNull(),
    /** Whose business it is: the partner of the account; null only for platform events. */
    partnerId: uuid("partner_id").references(() => partners.id),
    accountId: uuid("account_id"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index("events_order_idx").on(t.transactionId, t.position),
    index("events_partner_order_idx").on(t.partnerId, t.transactionId, t.position),
    foreignKey({
      columns: [t.partnerId, t.accountId],
      foreignColumns: [accounts.partnerId, accounts.id],
    }),
    check("events_type_known", sql`${t.type} in (${sqlList(EVENT_TYPES)})`),
  ],
);

/**
 * Where events are sent. A partner's endpoint receives events of that partner's accounts; an
 * endpoint without a partner (registered by Customer Success) receives every partner's.
 * The signing secret must be readable to sign, so it is stored as is; after a rotation the previous
 * secret keeps signing alongside the new one until `previous_secret_expires_at`.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid("partner_id").references(() => partners.id),
    url: text().notNull(),
    description: text().notNull().default(""),
    eventTypes: text("event_types").array().$type<EventType[]>().notNull(),
    secret: text().notNull(),
    previousSecret: text("previous_secret"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    enabled: boolean().notNull().default(true),
    /** Deliveries that failed for good in a row; reset by a success. */
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    disabledReason: text("disabled_reason"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("webhook_endpoints_partner_idx").on(t.partnerId, t.createdAt),
    check("webhook_endpoints_some_events", sql`cardinality(${t.eventTypes}) > 0`),
    check(
      "webhook_endpoints_previous_secret_expires",
      sql`(${t.previousSecret} is null) = (${t.previousSecretExpiresAt} is null)`,
    ),
  ],
);

export const WEBHOOK_DELIVERY_STATUSES = ["queued", "retrying", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One event for one endpoint: created by the fan-out trigger, worked by the deliverer. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id),
    status: text().$type<WebhookDeliveryStatus>().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    /** When a deliverer may take it next; while one holds it, the end of that deliverer's lease. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /**
     * Whether its endpoint is enabled, written with the endpoint's own flag (holdDeliveries), so
     * that the due index leaves out what a disabled endpoint has waiting and a claim does not read
     * past it. The fan-out only writes deliveries of enabled endpoints.
     */
    endpointEnabled: boolean("endpoint_enabled").notNull().default(true),
  },
  (t) => [
    unique("webhook_deliveries_endpoint_event_key").on(t.endpointId, t.eventId),
    index("webhook_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('queued', 'retrying') and ${t.endpointEnabled}`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    // Retention finds settled deliveries by their last attempt's lease without reading the rest.
    index("webhook_deliveries_settled_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('delivered', 'failed')`),
    check(
      "webhook_deliveries_status_known",
      sql`${t.status} in (${sqlList(WEBHOOK_DELIVERY_STATUSES)})`,
    ),
  ],
);

/** Every attempt to deliver, as the endpoint's owners see it in the web app. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull(),
    /** The HTTP status answered; null when no answer came (refused, timed out). */
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    /** What went wrong without an answer (timeout, connection refused). */
    error: text(),
    /** The first characters of the answer's body. */
    responseExcerpt: text("response_excerpt").notNull().default(""),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attemptedAt)],
);

/**
 * How far an in-house reader of the event log has read (the mailer that tells SuperAdmins of usage
 * thresholds, for one): a reader locks its row while it works, so one instance at a time reads
 * each event once.
 */
export const eventReaders = pgTable("event_readers", {
  name: text().primaryKey(),
  transactionId: bigint("transaction_id", { mode: "number" }).notNull().default(0),
  position: bigint({ mode: "number" }).notNull().default(0),
});
