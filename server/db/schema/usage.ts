/** What integrations record through the usage API: datapoints, SMS spendings, idempotency records. */
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
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  BILLABLE_DATAPOINT_KINDS,
  DATAPOINT_KINDS,
  type DatapointKind,
} from "../../../shared/domain/datapoints.ts";
import { accounts } from "./accounts.ts";
import { apiKeys } from "./api-keys.ts";
import { sqlList } from "./columns.ts";
import { users } from "./partners-and-people.ts";

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
    // The account page lists by device, then name (the id breaks ties), filtered by device or by
    // kind: each page a range of one of these two indexes, however deep (listDatapoints).
    index("datapoints_account_device_idx").on(t.accountId, t.deviceName, t.name, t.id),
    index("datapoints_account_kind_idx").on(t.accountId, t.kind, t.deviceName, t.name, t.id),
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

export const USAGE_LEDGER_ENTRIES = [
  "opened",
  "registered",
  "released",
  "sms_spent",
  "contract_changed",
] as const;
export type UsageLedgerEntry = (typeof USAGE_LEDGER_ENTRIES)[number];

/**
 * Every change of an account's usage counters and of what its contract allows, append-only (a
 * trigger refuses updates and deletes), written in the statement or transaction that changes the
 * counter. The deltas add up to the counters: the sum of `datapoints_delta` is
 * `accounts.datapoints_used`, the sum of `sms_credits_delta` is `accounts.sms_credits`. Each row
 * also carries the values after it, so a history reads the last row of a day instead of summing.
 */
export const usageLedger = pgTable(
  "usage_ledger",
  {
    position: bigint({ mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    partnerId: uuid("partner_id").notNull(),
    accountId: uuid("account_id").notNull(),
    entry: text().$type<UsageLedgerEntry>().notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    datapointsDelta: integer("datapoints_delta").notNull().default(0),
    smsCreditsDelta: integer("sms_credits_delta").notNull().default(0),
    datapointsUsed: integer("datapoints_used").notNull(),
    datapointsContracted: integer("datapoints_contracted").notNull(),
    smsCredits: integer("sms_credits").notNull(),
    /** The integration that made the change, when one did. */
    apiKeyId: uuid("api_key_id").references(() => apiKeys.id),
    /** The approved application that changed the contract, when one did. */
    applicationId: uuid("application_id"),
  },
  (t) => [
    index("usage_ledger_account_idx").on(t.accountId, t.recordedAt),
    foreignKey({
      columns: [t.partnerId, t.accountId],
      foreignColumns: [accounts.partnerId, accounts.id],
    }),
    check("usage_ledger_entry_known", sql`${t.entry} in (${sqlList(USAGE_LEDGER_ENTRIES)})`),
  ],
);

/**
 * The usage alerts an account's owners have been sent and not yet re-armed: the highest datapoint
 * threshold reached (0, 80 or 100 %) and whether the SMS credits are reported low. Raised by the
 * statement that crosses a threshold, under the account's row lock, so each crossing is announced
 * once even when concurrent registrations cross together; lowered when usage goes back below or
 * the contract grows.
 */
export const usageAlerts = pgTable(
  "usage_alerts",
  {
    accountId: uuid("account_id").primaryKey(),
    partnerId: uuid("partner_id").notNull(),
    datapointsThreshold: integer("datapoints_threshold").notNull().default(0),
    smsCreditsLow: boolean("sms_credits_low").notNull().default(false),
  },
  (t) => [
    foreignKey({
      columns: [t.partnerId, t.accountId],
      foreignColumns: [accounts.partnerId, accounts.id],
    }),
    check("usage_alerts_threshold_known", sql`${t.datapointsThreshold} in (0, 80, 100)`),
  ],
);
