/**
 * An account's usage over time, read from the usage ledger: per period (in the partner's calendar)
 * the counters as the last entry before its end left them, and what was registered, released and
 * spent during it. One query; each period is two index range reads of (account_id, recorded_at).
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { UsageHistory, UsageHistoryQuery } from "../../shared/api/usage.ts";
import { addDays } from "../../shared/domain/calendar.ts";
import { historyPeriods } from "../../shared/domain/usage-history.ts";
import type { Caller } from "../access/actor.ts";
import { accountScope } from "../access/scope.ts";
import { type Database, queryRows } from "../db/client.ts";
import { accounts, partners, usageLedger } from "../db/schema/index.ts";

interface PeriodRow {
  start: string;
  next: string;
  used: number | null;
  contracted: number | null;
  sms_left: number | null;
  registered: number;
  released: number;
  spent: number;
}

/** Null when the caller cannot see the account. */
export async function readUsageHistory(
  db: Database,
  caller: Caller,
  accountId: string,
  query: UsageHistoryQuery,
): Promise<UsageHistory | null> {
  const [account] = await db
    .select({ id: accounts.id, name: accounts.name, timeZone: partners.timeZone })
    .from(accounts)
    .innerJoin(partners, eq(partners.id, accounts.partnerId))
    .where(and(eq(accounts.id, accountId), accountScope(caller)));
  if (!account) return null;
  const periods = historyPeriods(query.from, query.to, query.interval);
  // A calendar day of the partner begins at its midnight in the partner's time zone.
  const instant = (day: SQL) => sql`(${day}::timestamp at time zone ${account.timeZone})`;
  const rows = await queryRows<PeriodRow>(
    db,
    sql`select p.start::text as start, p.next::text as next,
      last.datapoints_used as used, last.datapoints_contracted as contracted, last.sms_credits as sms_left,
      coalesce(moved.registered, 0)::int as registered, coalesce(moved.released, 0)::int as released,
      coalesce(moved.spent, 0)::int as spent
    from jsonb_to_recordset(${JSON.stringify(periods)}::jsonb) as p(start date, next date)
    left join lateral (
      select l.datapoints_used, l.datapoints_contracted, l.sms_credits from ${usageLedger} l
      where l.account_id = ${account.id} and l.recorded_at < ${instant(sql`p.next`)}
      order by l.recorded_at desc, l.position desc limit 1
    ) last on true
    left join lateral (
      select sum(l.datapoints_delta) filter (where l.entry = 'registered') as registered,
        -sum(l.datapoints_delta) filter (where l.entry = 'released') as released,
        -sum(l.sms_credits_delta) filter (where l.entry = 'sms_spent') as spent
      from ${usageLedger} l
      where l.account_id = ${account.id}
        and l.recorded_at >= ${instant(sql`p.start`)}
        and l.recorded_at < ${instant(sql`p.next`)}
    ) moved on true
    order by p.start`,
  );
  return {
    account: { id: account.id, name: account.name },
    interval: query.interval,
    timeZone: account.timeZone,
    periods: rows.map((row) => ({
      start: row.start,
      end: addDays(row.next, -1),
      datapoints: {
        used: row.used,
        contracted: row.contracted,
        registered: row.registered,
        released: row.released,
      },
      smsCredits: { spent: row.spent, left: row.sms_left },
    })),
  };
}
