import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { REMINDER_STAGES, type ReminderStage } from "../../../shared/domain/reminders.ts";
import { accounts } from "./accounts.ts";
import { sqlList } from "./columns.ts";

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
    check("account_reminders_stage_known", sql`${t.stage} in (${sqlList(REMINDER_STAGES)})`),
  ],
);
