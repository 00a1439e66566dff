/**
 * `account.expired`: told once per account and term, by the first sweep on or after the day the
 * account stops being active (its end date, in its partner's time zone).
 *
 * Once, whatever the number of sweeping instances, without a table of its own: the event's id is
 * derived from the account and the end date of the term (a name-based UUID, version 8), and the
 * event is inserted with ON CONFLICT DO NOTHING on the primary key — the second instance's insert
 * finds the row and writes nothing, and no webhook delivery, since the fan-out trigger fires only on
 * rows inserted. A renewal gives the account a new end date, hence a new id for its next expiry.
 * Finding what is due is an index range on `accounts.ends_on` plus a primary-key probe per account.
 */
import { and, asc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { EventData } from "../../shared/api/events.ts";
import { addDays, type CalendarDate, dateIn } from "../../shared/domain/calendar.ts";
import type { Database } from "../db/client.ts";
import { accounts, events, partners } from "../db/schema/index.ts";

/**
 * How long after its end date an expiry is still told: it covers a sweep that did not run for
 * weeks, and bounds the accounts each sweep looks at.
 */
export const EXPIRY_EVENT_LOOKBACK_DAYS = 30;

/** The id of the `account.expired` event of the term ending `endsOn`: the same in every instance. */
function expiredEventId(accountId: SQL | string, endsOn: SQL | string): SQL {
  const digest = sql`md5('account.expired:' || ${accountId}::text || ':' || ${endsOn}::text)`;
  // The version nibble (8: custom, name-based) and the RFC 9562 variant, so that it is a valid UUID.
  return sql`(overlay(overlay(${digest} placing '8' from 13) placing '8' from 17))::uuid`;
}

/** The partner's date at `now`, as PostgreSQL computes it for each row. */
const partnersToday = (now: Date) =>
  sql`(${now.toISOString()}::timestamptz at time zone ${partners.timeZone})::date`;

/**
 * Accounts (ids) that have stopped being active within the look-back and whose expiry of this term
 * is not yet told, earliest first. The `ends_on` bounds are a day wider than the window, since a
 * partner's date may be a day off the UTC date; the partner's own date is then checked exactly.
 */
export function dueExpiriesQuery(db: Database, now: Date, limit: number) {
  const utcToday: CalendarDate = dateIn("UTC", now);
  return db
    .select({ id: accounts.id })
    .from(accounts)
    .innerJoin(partners, eq(partners.id, accounts.partnerId))
    .where(
      and(
        gte(accounts.endsOn, addDays(utcToday, -EXPIRY_EVENT_LOOKBACK_DAYS - 1)),
        lte(accounts.endsOn, addDays(utcToday, 1)),
        sql`${accounts.endsOn} <= ${partnersToday(now)}`,
        sql`${accounts.endsOn} >= ${partnersToday(now)} - ${EXPIRY_EVENT_LOOKBACK_DAYS}::int`,
        sql`not exists (select 1 from ${events} where ${events.id} = ${expiredEventId(sql`${accounts.id}`, sql`${accounts.endsOn}`)})`,
      ),
    )
    .orderBy(asc(accounts.endsOn), asc(accounts.id))
    .limit(limit);
}

/**
 * Records the expiry of one account's current term if it has come and is not yet told; true when
 * this call told it. The account is read with a share lock, so a renewal committing meanwhile is
 * seen (and the account, active again, is not told expired) or waits for this transaction.
 */
export async function recordExpiry(db: Database, accountId: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({
        id: accounts.id,
        partnerId: accounts.partnerId,
        name: accounts.name,
        endsOn: accounts.endsOn,
        timeZone: partners.timeZone,
      })
      .from(accounts)
      .innerJoin(partners, eq(partners.id, accounts.partnerId))
      .where(eq(accounts.id, accountId))
      .for("share", { of: accounts });
    if (!account) return false;
    const today = dateIn(account.timeZone, now);
    if (account.endsOn > today || account.endsOn < addDays(today, -EXPIRY_EVENT_LOOKBACK_DAYS)) {
      return false;
    }
    const told = await tx
      .insert(events)
      .values({
        id: expiredEventId(account.id, account.endsOn),
        type: "account.expired",
        partnerId: account.partnerId,
        accountId: account.id,
        occurredAt: now,
        data: {
          accountId: account.id,
          accountName: account.name,
          endsOn: account.endsOn,
        } satisfies EventData<"account.expired">,
      })
      .onConflictDoNothing({ target: events.id })
      .returning({ id: events.id });
    return told.length > 0;
  });
}
