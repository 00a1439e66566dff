/**
 * The platform's hot path: registering and releasing datapoints, spending SMS credits. Each change
 * is ONE statement (one round trip, atomic): it finds the account within the caller's scope, makes
 * the change, keeps `accounts.datapoints_used` in step with the `datapoints` rows, and records the
 * answer under the request's Idempotency-Key. Concurrency is settled by PostgreSQL:
 * - the counter's row lock serialises changes to one account, and every statement adds to the
 *   counter as it is when it gets the lock;
 * - the check constraint `accounts_used_within_contract` refuses a batch that would go over the
 *   contract, which undoes the whole statement, its inserts included: all-or-nothing, never over;
 * - `on conflict do nothing` counts only the rows really inserted, so a re-sent external id never
 *   counts twice, even when two requests send it at once;
 * - the same statement appends the change to the usage ledger (./ledger.ts) and, under the same row
 *   lock, raises or re-arms the account's usage alerts, recording the event of a crossing: a
 *   threshold is announced by exactly one statement, whatever else races with it.
 * A refusal is explained afterwards by a read, off the hot path.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Caller } from "../access/actor.ts";
import { accountScope } from "../access/scope.ts";
import { accounts, partners } from "../db/schema/index.ts";
import { Problem } from "../errors.ts";

/**
 * The database's reading of the domain rule `accountStatus(endsOn, dateIn(timeZone, now))`
 * (shared/domain/accounts.ts): active while today, in the partner's time zone, is before the end
 * date. Written in SQL so that the check and the change are one statement.
 */
export function isActive(now: Date): SQL {
  return sql`${accounts.endsOn} > (${now.toISOString()}::timestamptz at time zone ${partners.timeZone})::date`;
}

/** The account named, if the caller reaches it, and whether it is active. */
export function target(caller: Caller, accountId: string, now: Date): SQL {
  return sql`target as (
    select ${accounts.id} as id, ${accounts.partnerId} as partner_id, ${accounts.endsOn}::text as ends_on,
      ${isActive(now)} as active
    from ${accounts} join ${partners} on ${partners.id} = ${accounts.partnerId}
    where ${accounts.id} = ${accountId} and ${accountScope(caller)}
  )`;
}

export interface Outcome<T> {
  active: boolean;
  ends_on: string;
  body: T | null;
}

export function expired(endsOn: string, what: string): Problem {
  return new Problem(
    "ACCOUNT_EXPIRED",
    `The account expired on ${endsOn}: it accepts no ${what} until it is renewed.`,
    { extensions: { endsOn } },
  );
}
