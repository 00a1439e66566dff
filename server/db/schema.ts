/**
 * The database schema. Every row that belongs to a partner carries `partner_id`, and the keys between
 * such rows include it, so the database itself refuses a row pointing into another partner's data.
 * Quantities are plain integers (datapoints, meters, credits); dates of a term are calendar dates.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ApplicationKind, ApplicationStatus } from "../../shared/domain/applications.ts";
import {
  BILLABLE_DATAPOINT_KINDS,
  DATAPOINT_KINDS,
  type DatapointKind,
} from "../../shared/domain/datapoints.ts";
import type { ReminderStage } from "../../shared/domain/reminders.ts";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
/** A list of constants for `in (…)` in a check constraint, from the domain's own list. */
const sqlList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

export const partners = pgTable("partners", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  /** IANA time zone in which the partner's accounts expire; UTC unless the partner sets one. */
  timeZone: text("time_zone").notNull().default("UTC"),
  createdAt: createdAt(),
});

export type UserRole = "customer_success" | "partner";

/** People who sign in. Columns without a snake_case twin are the ones better-auth reads by name. */
export const users = pgTable(
  "users",
  {
    id: text().primaryKey(),
    name: text().notNull(),
    email: text().notNull().unique(),
    emailVerified: boolean("email_verified").notNull().default(false),
    image: text(),
    role: text().$type<UserRole>().notNull(),
    partnerId: uuid("partner_id").references(() => partners.id),
    isSuperAdmin: boolean("is_super_admin").notNull().default(false),
    language: text().notNull().default("en"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("users_partner_id_id_key").on(t.partnerId, t.id),
    check("users_role_known", sql`${t.role} in ('customer_success', 'partner')`),
    check(
      "users_partner_iff_partner_role",
      sql`(${t.role} = 'partner') = (${t.partnerId} is not null)`,
    ),
    check("users_super_admin_is_partner_user", sql`not ${t.isSuperAdmin} or ${t.role} = 'partner'`),
    check("users_language_known", sql`${t.language} in ('en', 'es')`),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    token: text().notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

/** Sign-in methods of a user (better-auth's "account" model); here only e-mail and password. */
export const credentials = pgTable(
  "credentials",
  {
    id: text().primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accountId: text("provider_account_id").notNull(),
    providerId: text("provider_id").notNull(),
    password: text(),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("credentials_user_id_idx").on(t.userId)],
);

export const verifications = pgTable("verifications", {
  id: text().primaryKey(),
  identifier: text().notNull(),
  value: text().notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Sign-in attempts per client address, shared by every server instance. */
export const rateLimits = pgTable("rate_limits", {
  id: text().primaryKey(),
  key: text().notNull().unique(),
  count: integer().notNull(),
  lastRequest: bigint("last_request", { mode: "number" }).notNull(),
});

export const licences = pgTable("licences", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(""),
  active: boolean().notNull().default(true),
  position: integer().notNull().default(0),
});

export const billManagementTypes = pgTable("bill_management_types", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  active: boolean().notNull().default(true),
  position: integer().notNull().default(0),
});

export const sectors = pgTable("sectors", {
  code: text().primaryKey(),
  name: text().notNull(),
});

export const accounts = pgTable(
  "accounts",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    name: text().notNull(),
    customerName: text("customer_name").notNull(),
    country: text().notNull(),
    sectorCode: text("sector_code")
      .notNull()
      .references(() => sectors.code),
    licenceId: uuid("licence_id")
      .notNull()
      .references(() => licences.id),
    billManagementTypeId: uuid("bill_management_type_id").references(() => billManagementTypes.id),
    emailDomain: text("email_domain"),
    /** Who besides the SuperAdmins receives the expiry reminders and renewal notices, if anyone. */
    billingContactEmail: text("billing_contact_email"),
    comment: text().notNull().default(""),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    datapointsContracted: integer("datapoints_contracted").notNull(),
    /** Billable datapoints registered now; kept in step with `datapoints` in the same transaction. */
    datapointsUsed: integer("datapoints_used").notNull().default(0),
    rtmMeters: integer("rtm_meters").notNull().default(0),
    additionalPods: integer("additional_pods").notNull().default(0),
    smsCredits: integer("sms_credits").notNull().default(0),
    rtcLines: integer("rtc_lines").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    unique("accounts_partner_id_id_key").on(t.partnerId, t.id),
    uniqueIndex("accounts_partner_name_key").on(t.partnerId, sql`lower(${t.name})`),
    index("accounts_partner_ends_on_idx").on(t.partnerId, t.endsOn),
    index("accounts_ends_on_idx").on(t.endsOn),
    check("accounts_min_datapoints", sql`${t.datapointsContracted} >= 20`),
    check(
      "accounts_used_within_contract",
      sql`${t.datapointsUsed} >= 0 and ${t.datapointsUsed} <= ${t.datapointsContracted}`,
    ),
    check(
      "accounts_quantities_not_negative",
      sql`${t.rtmMeters} >= 0 and ${t.additionalPods} >= 0 and ${t.smsCredits} >= 0 and ${t.rtcLines} >= 0`,
    ),
    check("accounts_rtc_only_in_spain", sql`${t.rtcLines} = 0 or ${t.country} = 'ES'`),
    check("accounts_term_ordered", sql`${t.endsOn} > ${t.startsOn}`),
    check(
      "accounts_billing_contact_email_shape",
      sql`${t.billingContactEmail} is null or ${t.billingContactEmail} ~ '^[^@[:space:]]+@[^@[:space:]]+$'`,
    ),
  ],
);

/** Which accounts a partner's user without the SuperAdmin flag may see. */
export const accountAccess = pgTable(
  "account_access",
  {
    partnerId: uuid("partner_id").notNull(),
    accountId: uuid("account_id").notNull(),
    userId: text("user_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.userId] }),
    index("account_access_user_idx").on(t.userId),
    foreignKey({
      columns: [t.partnerId, t.accountId],
      foreignColumns: [accounts.partnerId, accounts.id],
    }),
    foreignKey({ columns: [t.partnerId, t.userId], foreignColumns: [users.partnerId, users.id] }),
  ],
);

export const applications = pgTable(
  "applications",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    /** The account changed; for a new account, the account its approval created. */
    accountId: uuid("account_id"),
    /** The account that receives the datapoints of a move. */
    targetAccountId: uuid("target_account_id"),
    kind: text().$type<ApplicationKind>().notNull(),
    status: text().$type<ApplicationStatus>().notNull().default("pending"),
    /** The change asked for, as validated by the kind's rules in shared/domain/applications.ts. */
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    comment: text().notNull().default(""),
    requestedBy: text("requested_by").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionComment: text("decision_comment"),
    /** Decided by an auto-approval rule of Customer Success rather than by a reviewer. */
    decidedAutomatically: boolean("decided_automatically").notNull().default(false),
  },
  (t) => [
    unique("applications_partner_id_id_key").on(t.partnerId, t.id),
    foreignKey({
      columns: [t.partnerId, t.accountId],
      foreignColumns: [accounts.partnerId, accounts.id],
    }),
    foreignKey({
      columns: [t.partnerId, t.targetAccountId],
      foreignColumns: [accounts.partnerId, accounts.id],
    }),
    foreignKey({
      columns: [t.partnerId, t.requestedBy],
      foreignColumns: [users.partnerId, users.id],
    }),
    index("applications_partner_requested_idx").on(t.partnerId, t.requestedAt),
    index("applications_status_requested_idx").on(t.status, t.requestedAt),
    uniqueIndex("applications_one_pending_new_account_name")
      .on(t.partnerId, sql`lower(${t.payload}->>'name')`)
      .where(sql`${t.kind} = 'new_account' and ${t.status} = 'pending'`),
    check(
      "applications_status_known",
      sql`${t.status} in ('pending', 'approved', 'rejected', 'withdrawn')`,
    ),
    uniqueIndex("applications_one_pending_per_account_kind")
      .on(t.accountId, t.kind)
      .where(sql`${t.status} = 'pending' and ${t.accountId} is not null`),
    index("applications_account_idx").on(t.accountId),
    index("applications_target_account_idx").on(t.targetAccountId),
    check(
      "applications_kind_known",
      sql`${t.kind} in ('new_account', 'edit_datapoints', 'move_datapoints', 'edit_licence', 'upgrade_meters', 'buy_sms_credits', 'renew_subscription')`,
    ),
    check(
      "applications_account_unless_new",
      sql`${t.kind} = 'new_account' or ${t.accountId} is not null`,
    ),
    check(
      "applications_move_has_another_target",
      sql`(${t.kind} = 'move_datapoints') = (${t.targetAccountId} is not null) and (${t.targetAccountId} is null or ${t.targetAccountId} <> ${t.accountId})`,
    ),
    check(
      "applications_decided_iff_closed",
      sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`,
    ),
  ],
);

export const datapoints = pgTable(
  "datapoints",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid("partner_id").notNull(),
    accountId: uuid("account_id").notNull(),
    externalId: text("external_id").notNull(),
    name: text().notNull(),
    deviceName: text("device_name").notNull(),
    kind: text().$type<DatapointKind>().notNull(),
    billable: boolean().notNull(),
    registeredAt: timestamp("registered_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("datapoints_account_external_id_key").on(t.accountId, t.externalId),
    index("datapoints_account_kind_idx").on(t.accountId, t.kind),
    // The account page filters by device and lists by device, then name.
    index("datapoints_account_device_idx").on(t.accountId, t.deviceName, t.name),
    check("datapoints_kind_known", sql`${t.kind} in (${sqlList(DATAPOINT_KINDS)})`),
    check(
      "datapoints_billable_by_kind",
      sql`${t.billable} = (${t.kind} in (${sqlList(BILLABLE_DATAPOINT_KINDS)}))`,
    ),
    foreignKey({
      columns: [t.partnerId, t.accountId],
      foreignColumns: [accounts.partnerId, accounts.id],
    }),
  ],
);

/** Kinds of application that Customer Success lets through on filing, without review. */
export const autoApprovalRules = pgTable("auto_approval_rules", {
  kind: text().$type<ApplicationKind>().primaryKey(),
  enabled: boolean().notNull(),
  updatedBy: text("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type HistoryEvent = "filed" | "approved" | "rejected" | "withdrawn" | "created";

/** One value of an entitlement before and after a change; null where there was none. */
export interface EntitlementChange {
  field: string;
  before: string | number | null;
  after: string | number | null;
}

/**
 * Everything that happened to an account, append-only: a trigger refuses updates and deletes.
 * Written in the same transaction as the change it records.
 */
export const accountHistory = pgTable(
  "account_history",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Order of writing: events of one instant (filed, then auto-approved) keep their order. */
    seq: bigint({ mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    partnerId: uuid("partner_id").notNull(),
    accountId: uuid("account_id").notNull(),
    applicationId: uuid("application_id"),
    event: text().$type<HistoryEvent>().notNull(),
    /** Who did it; null for an auto-approval rule. */
    actorId: text("actor_id").references(() => users.id),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    comment: text().notNull().default(""),
    changes: jsonb().$type<EntitlementChange[]>().notNull().default([]),
  },
  (t) => [
    index("account_history_account_idx").on(t.accountId, t.seq),
    foreignKey({
      columns: [t.partnerId, t.accountId],
      foreignColumns: [accounts.partnerId, accounts.id],
    }),
    foreignKey({
      columns: [t.partnerId, t.applicationId],
      foreignColumns: [applications.partnerId, applications.id],
    }),
    check(
      "account_history_event_known",
      sql`${t.event} in ('filed', 'approved', 'rejected', 'withdrawn', 'created')`,
    ),
  ],
);

// ── Lifecycle and mail (issue 5): reminders sent, the mail outbox, the in-app mailbox, the test clock ──

/**
 * The expiry reminders sent, one row per account, term (its end date) and stage. The primary key is
 * what makes a reminder go exactly once per term, whatever the number of sweeping instances: the
 * row is written in the same transaction as the e-mails it causes.
 */
export const accountReminders = pgTable(
  "account_reminders",
  {
    partnerId: uuid("partner_id").notNull(),
    accountId: uuid("account_id").notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    stage: text().$type<ReminderStage>().notNull(),
    /** The partner's date when it was sent (late when a downtime delayed it). */
    sentOn: date("sent_on", { mode: "string" }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.endsOn, t.stage] }),
    foreignKey({
      columns: [t.partnerId, t.accountId],
      foreignColumns: [accounts.partnerId, accounts.id],
    }),
    check("account_reminders_stage_known", sql`${t.stage} in ('30_days', '7_days', 'on_the_day')`),
  ],
);

export type MailTopic =
  | "reminder_30_days"
  | "reminder_7_days"
  | "reminder_on_the_day"
  | "account_created"
  | "account_renewed"
  | "application_filed"
  | "application_decided";
export type MailStatus = "queued" | "retrying" | "sent" | "failed";

/**
 * Every e-mail, written in the same transaction as the event that causes it, then delivered by the
 * dispatcher (at least once: the Message-ID lets a receiver recognise a duplicate).
 * `partner_id` and `account_id` say whose business it is; mail to Customer Success has a partner too.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    messageId: text("message_id").notNull().unique(),
    topic: text().$type<MailTopic>().notNull(),
    partnerId: uuid("partner_id").references(() => partners.id),
    accountId: uuid("account_id"),
    recipient: text().notNull(),
    language: text().$type<"en" | "es">().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    status: text().$type<MailStatus>().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull(),
    /** When a dispatcher may take it next; while one holds it, the end of that dispatcher's lease. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    firstAttemptAt: timestamp("first_attempt_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastError: text("last_error"),
  },
  (t) => [
    foreignKey({
      columns: [t.partnerId, t.accountId],
      foreignColumns: [accounts.partnerId, accounts.id],
    }),
    index("mail_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('queued', 'retrying')`),
    index("mail_outbox_queued_idx").on(t.queuedAt),
    check("mail_outbox_status_known", sql`${t.status} in ('queued', 'retrying', 'sent', 'failed')`),
    check("mail_outbox_language_known", sql`${t.language} in ('en', 'es')`),
    check("mail_outbox_sent_iff_sent_at", sql`(${t.status} = 'sent') = (${t.sentAt} is not null)`),
  ],
);

/** The in-app mailbox: where mail is delivered when no SMTP server is configured. */
export const mailboxMessages = pgTable(
  "mailbox_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** A message delivered twice (at-least-once delivery) is recognised by it and kept once. */
    messageId: text("message_id").notNull().unique(),
    sender: text().notNull(),
    recipient: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("mailbox_messages_delivered_idx").on(t.deliveredAt)],
);

/** With TEST_CLOCK=1, how far the application's clock is ahead of real time; one row, shared by every instance. */
export const testClock = pgTable(
  "test_clock",
  {
    id: boolean().primaryKey().default(true),
    offsetMs: bigint("offset_ms", { mode: "number" }).notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("test_clock_single_row", sql`${t.id}`),
    check("test_clock_only_forward", sql`${t.offsetMs} >= 0`),
  ],
);

// ── Usage API (issue 4): API keys of integrations, idempotency records, SMS spendings ──

/**
 * Keys that integrations (machine clients of the platform) authenticate with. A key reaches every
 * account (platform-wide, made by Customer Success), every account of one partner, or one account.
 * Only a SHA-256 hash of the secret is kept: the secret is shown once, when the key is created.
 * Keys are revoked, never deleted.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The partner whose accounts the key reaches; null for a platform-wide key. */
    partnerId: uuid("partner_id").references(() => partners.id),
    /** The one account the key reaches; null when it reaches every account of its scope. */
    accountId: uuid("account_id"),
    name: text().notNull(),
    /** The first characters of the secret, to recognise a key in lists. */
    prefix: text().notNull(),
    secretHash: text("secret_hash").notNull().unique(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** Recorded at most about once a minute, so that using a key does not write on every request. */
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: text("revoked_by").references(() => users.id),
  },
  (t) => [
    unique("api_keys_partner_id_id_key").on(t.partnerId, t.id),
    foreignKey({
      columns: [t.partnerId, t.accountId],
      foreignColumns: [accounts.partnerId, accounts.id],
    }),
    index("api_keys_partner_created_idx").on(t.partnerId, t.createdAt),
    check(
      "api_keys_account_has_partner",
      sql`${t.accountId} is null or ${t.partnerId} is not null`,
    ),
    check("api_keys_revoked_by_someone", sql`(${t.revokedAt} is null) = (${t.revokedBy} is null)`),
  ],
);

/**
 * The answers to POST requests of the usage API that carried an `Idempotency-Key`, kept for a day
 * so that a retry gets the first answer instead of doing it again. Written by the very statement
 * that makes the change, so a change never lands without its record. Keys are scoped by API key,
 * or by user for requests from the web app.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    apiKeyId: uuid("api_key_id").references(() => apiKeys.id),
    userId: text("user_id").references(() => users.id),
    key: text().notNull(),
    /** SHA-256 of the method, path and body: the same key with another request is refused. */
    fingerprint: text().notNull(),
    /** The result the first request answered with. */
    response: jsonb().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("idempotency_keys_api_key_key").on(t.apiKeyId, t.key),
    unique("idempotency_keys_user_key").on(t.userId, t.key),
    index("idempotency_keys_created_idx").on(t.createdAt),
    check("idempotency_keys_one_caller", sql`(${t.apiKeyId} is null) <> (${t.userId} is null)`),
  ],
);

/** Every spending of an account's SMS credits by an integration (real-time alerts). */
export const smsSpendings = pgTable(
  "sms_spendings",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid("partner_id").notNull(),
    accountId: uuid("account_id").notNull(),
    credits: integer().notNull(),
    apiKeyId: uuid("api_key_id")
      .notNull()
      .references(() => apiKeys.id),
    spentAt: timestamp("spent_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      columns: [t.partnerId, t.accountId],
      foreignColumns: [accounts.partnerId, accounts.id],
    }),
    index("sms_spendings_account_idx").on(t.accountId, t.spentAt),
    check("sms_spendings_positive", sql`${t.credits} > 0`),
  ],
);
