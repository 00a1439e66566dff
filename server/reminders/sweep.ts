/**
 * The reminder sweep. It selects, through the index on the end date, only the accounts whose end
 * date is at most 30 days ahead in their partner's time zone and that lack the record of the
 * reminder due now — so its cost grows with the accounts due, not with all accounts — a batch at a
 * time. Each account is then claimed in a transaction of its own: the account row is read with a
 * share lock (a renewal committing meanwhile is seen, and waits otherwise), the reminder due is
 * decided by the pure schedule, and its record is inserted with ON CONFLICT DO NOTHING in the same
 * transaction as its e-mails. Any number of instances may sweep at once: the record's primary key
 * lets one of them send each reminder, once per term.
 */
import { and, asc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import { addDays, type CalendarDate, dateIn } from "../../shared/domain/calendar.ts";
import {
  REMINDER_WINDOW_DAYS,
  REMINDERS,
  type ReminderStage,
  reminderDue,
} from "../../shared/domain/reminders.ts";
import type { Database } from "../db/client.ts";
import { accountReminders, accounts, partners } from "../db/schema/index.ts";
import { recordEvent } from "../events/record-event.ts";
import { accountForNoticeColumns, type Notices } from "../notices/notices.ts";
import { dueExpiriesQuery, recordExpiry } from "./expiry-events.ts";

export interface SweepReport {
  /** Reminders sent (one per account and stage). */
  reminders: number;
  /** E-mails queued for them. */
  mails: number;
  /** Accounts whose expiry was told (`account.expired`). */
  expired: number;
  /** True when the batch was full: more accounts may be due. */
  more: boolean;
}

/** The partner's date at `now`, as PostgreSQL computes it for each row. */
const partnersToday = (now: Date) =>
  sql`(${now.toISOString()}::timestamptz at time zone ${partners.timeZone})::date`;

/** The stage due `days` before the end date, in SQL, built from the same schedule as the rule. */
function stageDueSql(days: SQL): SQL {
  const latestFirst = [...REMINDERS].sort((a, b) => a.daysBefore - b.daysBefore);
  const whens = latestFirst.map((r) => sql`when ${days} <= ${r.daysBefore} then ${r.stage}`);
  return sql`(case ${sql.join(whens, sql` `)} end)`;
}

/**
 * The accounts (ids) with a reminder due and not yet sent, soonest end date first. The bounds on
 * `ends_on` are a day wider than the window on each side, since a partner's date may be a day
 * before or after the UTC date; the exact window is then checked in the partner's time zone.
 */
export function dueAccountsQuery(db: Database, now: Date, limit: number) {
  const utcToday: CalendarDate = dateIn("UTC", now);
  const days = sql`(${accounts.endsOn} - ${partnersToday(now)})`;
  return db
    .select({ id: accounts.id })
    .from(accounts)
    .innerJoin(partners, eq(partners.id, accounts.partnerId))
    .where(
      and(
        gte(accounts.endsOn, addDays(utcToday, -1)),
        lte(accounts.endsOn, addDays(utcToday, REMINDER_WINDOW_DAYS + 1)),
        sql`${days} between 0 and ${REMINDER_WINDOW_DAYS}`,
        sql`not exists (select 1 from ${accountReminders} where ${accountReminders.accountId} = ${accounts.id} and ${accountReminders.endsOn} = ${accounts.endsOn} and ${accountReminders.stage} = ${stageDueSql(days)})`,
      ),
    )
    .orderBy(asc(accounts.endsOn), asc(accounts.id))
    .limit(limit);
}

/** Sends the reminder due for one account, if one still is; the stage sent, or null. */
async function remindAccount(
  db: Database,
  notices: Notices,
  accountId: string,
  now: Date,
): Promise<{ stage: ReminderStage; mails: number } | null> {
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select(accountForNoticeColumns)
      .from(accounts)
      .innerJoin(partners, eq(partners.id, accounts.partnerId))
      .where(eq(accounts.id, accountId))
      .for("share", { of: accounts });
    if (!account) return null;
    const today = dateIn(account.timeZone, now);
    const sent = await tx
      .select({ stage: accountReminders.stage })
      .from(accountReminders)
      .where(
        and(
          eq(accountReminders.accountId, account.id),
          eq(accountReminders.endsOn, account.endsOn),
        ),
      );
    const stage = reminderDue(
      account.endsOn,
      today,
      sent.map((s) => s.stage),
    );
    if (!stage) return null;
    const [claimed] = await tx
      .insert(accountReminders)
      .values({
        partnerId: account.partnerId,
        accountId: account.id,
        endsOn: account.endsOn,
        stage,
        sentOn: today,
        sentAt: now,
      })
      .onConflictDoNothing()
      .returning({ stage: accountReminders.stage });
    if (!claimed) return null;
    await recordEvent(tx, {
      type: "account.expiring",
      partnerId: account.partnerId,
      accountId: account.id,
      occurredAt: now,
      data: {
        accountId: account.id,
        accountName: account.name,
        endsOn: account.endsOn,
        daysLeft: daysBeforeEnd(stage),
      },
    });
    return { stage, mails: await notices.reminder(tx, account, stage, now) };
  });
}

/** The days before the end date a stage is sent at (30, 7, 0), as integrators are told. */
function daysBeforeEnd(stage: ReminderStage): (typeof REMINDERS)[number]["daysBefore"] {
  return REMINDERS.find((reminder) => reminder.stage === stage)?.daysBefore ?? 0;
}

/** One bounded batch of the sweep: reminders due, then expiries due. */
export async function sweepReminders({
  db,
  notices,
  now,
  batchSize,
}: {
  db: Database;
  notices: Notices;
  now: Date;
  batchSize: number;
}): Promise<SweepReport> {
  const due = await dueAccountsQuery(db, now, batchSize);
  const report: SweepReport = { reminders: 0, mails: 0, expired: 0, more: false };
  for (const { id } of due) {
    const sent = await remindAccount(db, notices, id, now);
    if (sent) {
      report.reminders++;
      report.mails += sent.mails;
    }
  }
  const expiring = await dueExpiriesQuery(db, now, batchSize);
  for (const { id } of expiring) {
    if (await recordExpiry(db, id, now)) report.expired++;
  }
  // A full batch of which nothing was due any more (a renewal, another instance) ends the run.
  report.more =
    (due.length === batchSize && report.reminders > 0) ||
    (expiring.length === batchSize && report.expired > 0);
  return report;
}

/**
 * The reminders sent in the day before `now`, by any sweep (the schedule's, the test clock's, one
 * run by hand): a sweep that finds nothing due says so honestly when they already went out.
 */
export async function remindersSentSince(
  db: Database,
  since: Date,
): Promise<{ count: number; lastSentAt: Date | null }> {
  const [found] = await db
    .select({
      count: sql<number>`count(*)::int`,
      lastSentAt: sql<string | null>`max(${accountReminders.sentAt})`,
    })
    .from(accountReminders)
    .where(gte(accountReminders.sentAt, since));
  return {
    count: found?.count ?? 0,
    lastSentAt: found?.lastSentAt ? new Date(found.lastSentAt) : null,
  };
}
