/** The append-only history of every account. */
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { applications } from "./applications.ts";
import { sqlList } from "./columns.ts";
import { users } from "./partners-and-people.ts";

const HISTORY_EVENTS = ["filed", "approved", "rejected", "withdrawn", "created"] as const;
export type HistoryEvent = (typeof HISTORY_EVENTS)[number];

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
    // What an approved application changed, read for every approved row of the application lists.
    index("account_history_application_idx")
      .on(t.applicationId)
      .where(sql`${t.applicationId} is not null`),
    foreignKey({
      columns: [t.partnerId, t.accountId],
      foreignColumns: [accounts.partnerId, accounts.id],
    }),
    foreignKey({
      columns: [t.partnerId, t.applicationId],
      foreignColumns: [applications.partnerId, applications.id],
    }),
    check("account_history_event_known", sql`${t.event} in (${sqlList(HISTORY_EVENTS)})`),
  ],
);
