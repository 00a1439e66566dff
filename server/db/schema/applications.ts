/** Applications for a change to an account, and the kinds Customer Success approves on filing. */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  jsonb,
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
    check("applications_status_known", sql`${t.status} in (${sqlList(APPLICATION_STATUSES)})`),
    uniqueIndex("applications_one_pending_per_account_kind")
      .on(t.accountId, t.kind)
      .where(sql`${t.status} = 'pending' and ${t.accountId} is not null`),
    index("applications_account_idx").on(t.accountId),
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
