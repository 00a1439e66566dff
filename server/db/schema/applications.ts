/** Applications for a change to an account, and the kinds Customer Success approves on filing. */
import { type SQL, sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  jsonb,
  type PgColumn,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  APPLICATION_KINDS,
  APPLICATION_STATUSES,
  type ApplicationKind,
  type ApplicationStatus,
} from "../../../shared/domain/applications.ts";
import { accounts } from "./accounts.ts";
import { sqlList } from "./columns.ts";
import { partners, users } from "./partners-and-people.ts";

/**
 * A new account's name and customer as asked, as one text: what a search of the lists finds in an
 * application before there is an account (the index of its trigrams, and the search, say it alike).
 */
export const askedNames = (payload: PgColumn): SQL =>
  sql`(coalesce(${payload}->>'name', '') || chr(10) || coalesce(${payload}->>'customerName', ''))`;

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
    /**
     * Each pair of neighbouring letters of a new account's name and customer as asked, lowercased
     * (`letter_pairs`, migration 0012): the index a search of the lists reads.
     */
    searchPairs: text("search_pairs")
      .array()
      .notNull()
      .generatedAlwaysAs(
        sql`letter_pairs(coalesce(payload->>'name', '') || chr(10) || coalesce(payload->>'customerName', ''))`,
      ),
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
    check("applications_status_known", sql`${t.status} in (${sqlList(APPLICATION_STATUSES)})`),
    uniqueIndex("applications_one_pending_per_account_kind")
      .on(t.accountId, t.kind)
      .where(sql`${t.status} = 'pending' and ${t.accountId} is not null`),
    index("applications_account_idx").on(t.accountId),
    // The lists read pending applications oldest first, then the decided ones newest first: one
    // index range per part, for the whole queue, a partner's, a kind's, a partner's of one kind
    // (the Applications zone filtered by kind) and a status's (queries.ts). A list's count reads
    // the same range, up to its limit, without the table.
    index("applications_pending_idx").on(t.requestedAt, t.id).where(sql`${t.status} = 'pending'`),
    index("applications_partner_pending_idx")
      .on(t.partnerId, t.requestedAt, t.id)
      .where(sql`${t.status} = 'pending'`),
    index("applications_kind_pending_idx")
      .on(t.kind, t.requestedAt, t.id)
      .where(sql`${t.status} = 'pending'`),
    index("applications_partner_kind_pending_idx")
      .on(t.partnerId, t.kind, t.requestedAt, t.id)
      .where(sql`${t.status} = 'pending'`),
    index("applications_decided_idx").on(t.decidedAt, t.id).where(sql`${t.status} <> 'pending'`),
    index("applications_partner_decided_idx")
      .on(t.partnerId, t.decidedAt, t.id)
      .where(sql`${t.status} <> 'pending'`),
    index("applications_kind_decided_idx")
      .on(t.kind, t.decidedAt, t.id)
      .where(sql`${t.status} <> 'pending'`),
    index("applications_partner_kind_decided_idx")
      .on(t.partnerId, t.kind, t.decidedAt, t.id)
      .where(sql`${t.status} <> 'pending'`),
    index("applications_status_decided_idx")
      .on(t.status, t.decidedAt, t.id)
      .where(sql`${t.status} <> 'pending'`),
    index("applications_partner_status_decided_idx")
      .on(t.partnerId, t.status, t.decidedAt, t.id)
      .where(sql`${t.status} <> 'pending'`),
    // A search's other ends: the requester named, and the letter pairs of a new account's names.
    index("applications_requested_by_idx").on(t.requestedBy),
    index("applications_search_pairs_idx")
      .using("gin", t.searchPairs)
      .with({ gin_pending_list_limit: 256 }),
    // Text of three letters or digits in a row, by its trigrams (pg_trgm): "asked site 12" has
    // the letter pairs of a thousand names among 25,000 asked for, the trigrams of the few
    // starting "site 12".
    index("applications_asked_trigrams_idx")
      .using("gin", sql`${askedNames(t.payload)} gin_trgm_ops`)
      .with({ gin_pending_list_limit: 256 }),
    index("applications_target_account_idx").on(t.targetAccountId),
    check("applications_kind_known", sql`${t.kind} in (${sqlList(APPLICATION_KINDS)})`),
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

/** Kinds of application that Customer Success lets through on filing, without review. */
export const autoApprovalRules = pgTable("auto_approval_rules", {
  kind: text().$type<ApplicationKind>().primaryKey(),
  enabled: boolean().notNull(),
  updatedBy: text("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
