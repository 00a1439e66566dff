/** A partner's customer accounts and, for users without the SuperAdmin flag, which they may see. */
import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { billManagementTypes, licences, sectors } from "./catalogue.ts";
import { createdAt } from "./columns.ts";
import { partners, users } from "./partners-and-people.ts";

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
    /** Contracted less used, kept by the database: the Active accounts zone sorts on it by index. */
    datapointsLeft: integer("datapoints_left")
      .notNull()
      .generatedAlwaysAs(sql`datapoints_contracted - datapoints_used`),
    /**
     * Each pair of neighbouring letters of the name and the customer, lowercased (`letter_pairs`,
     * migration 0012): a search for text anywhere in either finds its candidates in one index.
     */
    searchPairs: text("search_pairs")
      .array()
      .notNull()
      .generatedAlwaysAs(sql`letter_pairs(name || chr(10) || customer_name)`),
    rtmMeters: integer("rtm_meters").notNull().default(0),
    additionalPods: integer("additional_pods").notNull().default(0),
    smsCredits: integer("sms_credits").notNull().default(0),
    rtcLines: integer("rtc_lines").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    unique("accounts_partner_id_id_key").on(t.partnerId, t.id),
    uniqueIndex("accounts_partner_name_key").on(t.partnerId, sql`lower(${t.name})`),
    // One index per sort the zones offer, the id last as the tie-breaker of keyset pages.
    index("accounts_partner_ends_on_idx").on(t.partnerId, t.endsOn, t.id),
    index("accounts_partner_customer_idx").on(t.partnerId, sql`lower(${t.customerName})`, t.id),
    index("accounts_partner_datapoints_left_idx").on(t.partnerId, t.datapointsLeft, t.id),
    index("accounts_partner_licence_idx").on(t.partnerId, t.licenceId, t.id),
    // The usage API's reachable accounts, by name: a partner's, and a platform-wide caller's.
    index("accounts_partner_name_idx").on(t.partnerId, t.name, t.id),
    index("accounts_name_idx").on(t.name, t.id),
    // A small pending list: a search reads it whole until it is merged (by autovacuum or when full).
    index("accounts_search_pairs_idx")
      .using("gin", t.searchPairs)
      .with({ gin_pending_list_limit: 256 }),
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
