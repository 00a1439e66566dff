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
 *   counts twice, even when two requests send it at once.
 * A refusal is explained afterwards by a read, off the hot path.
 */
import { type SQL, sql } from "drizzle-orm";
import type {
  RegistrationResult,
  ReleaseResult,
  SmsSpendingResult,
} from "../../shared/api/usage.ts";
import { datapointsLeft } from "../../shared/domain/accounts.ts";
import { isBillable } from "../../shared/domain/datapoints.ts";
import {
  type DatapointRelease,
  type DatapointToRegister,
  datapointsCapacity,
} from "../../shared/domain/usage.ts";
import type { Caller, IntegrationActor, PartnerUserActor } from "../access/actor.ts";
import { accountScope } from "../access/scope.ts";
import { type Database, queryRows } from "../db/client.ts";
import { violatedCheckConstraint } from "../db/errors.ts";
import { accounts, datapoints, partners, smsSpendings } from "../db/schema/index.ts";
import { notFound, Problem } from "../errors.ts";
import { type Remembering, rememberAnswer } from "./idempotency.ts";

/**
 * The database's reading of the domain rule `accountStatus(endsOn, dateIn(timeZone, now))`
 * (shared/domain/accounts.ts): active while today, in the partner's time zone, is before the end
 * date. Written in SQL so that the check and the change are one statement.
 */
function isActive(now: Date): SQL {
  return sql`${accounts.endsOn} > (${now.toISOString()}::timestamptz at time zone ${partners.timeZone})::date`;
}

/** The account named, if the caller reaches it, and whether it is active. */
function target(caller: Caller, accountId: string, now: Date): SQL {
  return sql`target as (
    select ${accounts.id} as id, ${accounts.partnerId} as partner_id, ${accounts.endsOn}::text as ends_on,
      ${isActive(now)} as active
    from ${accounts} join ${partners} on ${partners.id} = ${accounts.partnerId}
    where ${accounts.id} = ${accountId} and ${accountScope(caller)}
  )`;
}

interface Outcome<T> {
  active: boolean;
  ends_on: string;
  body: T | null;
}

function expired(endsOn: string, what: string): Problem {
  return new Problem(
    "ACCOUNT_EXPIRED",
    `The account expired on ${endsOn}: it accepts no ${what} until it is renewed.`,
    { extensions: { endsOn } },
  );
}

/** What the registration statement answers; presented by `presentRegistration`. */
export interface RegistrationAnswer {
  registered: { id: string; externalId: string; billable: boolean }[];
  alreadyRegistered: string[];
  contracted: number;
  used: number;
}

export function registrationStatement({
  caller,
  accountId,
  batch,
  now,
  remembering,
}: {
  caller: Caller;
  accountId: string;
  batch: readonly DatapointToRegister[];
  now: Date;
  remembering: Remembering | null;
}): SQL {
  const rows = batch.map((d) => ({
    external_id: d.externalId,
    name: d.name,
    device_name: d.deviceName,
    kind: d.kind,
    billable: isBillable(d.kind),
  }));
  return sql`with ${target(caller, accountId, now)},
  batch as (
    select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as b(external_id text, name text, device_name text, kind text, billable boolean)
  ),
  inserted as (
    insert into ${datapoints}
      (partner_id, account_id, external_id, name, device_name, kind, billable, registered_at)
    select target.partner_id, target.id, b.external_id, b.name, b.device_name, b.kind, b.billable,
      ${now.toISOString()}::timestamptz
    from target cross join batch b
    where target.active
    -- One order for every request, so that two batches sharing external ids cannot deadlock.
    order by b.external_id
    on conflict (account_id, external_id) do nothing
    returning id, external_id, billable
  ),
  counted as (
    update ${accounts}
    set datapoints_used = datapoints_used + (select count(*) from inserted where billable)
    where id = (select id from target where active)
    returning datapoints_contracted, datapoints_used
  ),
  answer as (
    select jsonb_build_object(
      'registered', coalesce((select jsonb_agg(jsonb_build_object(
        'id', id, 'externalId', external_id, 'billable', billable) order by external_id)
        from inserted), '[]'::jsonb),
      'alreadyRegistered', coalesce((select jsonb_agg(b.external_id order by b.external_id)
        from batch b where b.external_id not in (select external_id from inserted)), '[]'::jsonb),
      'contracted', datapoints_contracted,
      'used', datapoints_used
    ) as body
    from counted
  )${rememberAnswer(remembering, sql`answer`, sql`body`)}
  select target.active, target.ends_on, answer.body from target left join answer on true`;
}

/** Registers a batch all-or-nothing; re-sent external ids are reported, not counted again. */
export async function registerDatapoints({
  db,
  caller,
  accountId,
  batch,
  now,
  remembering,
}: {
  db: Database;
  caller: IntegrationActor | PartnerUserActor;
  accountId: string;
  batch: readonly DatapointToRegister[];
  now: Date;
  remembering: Remembering | null;
}): Promise<RegistrationAnswer> {
  let outcome: Outcome<RegistrationAnswer> | undefined;
  try {
    [outcome] = await queryRows<Outcome<RegistrationAnswer>>(
      db,
      registrationStatement({ caller, accountId, batch, now, remembering }),
      { prepared: true },
    );
  } catch (error) {
    if (violatedCheckConstraint(error) === "accounts_used_within_contract") {
      throw await quotaExceeded(db, accountId, batch);
    }
    throw error;
  }
  if (!outcome) throw notFound("account");
  if (!outcome.body) throw expired(outcome.ends_on, "new datapoints");
  return outcome.body;
}

/** How many datapoints the batch needed and how many are left, read after the refusal. */
async function quotaExceeded(
  db: Database,
  accountId: string,
  batch: readonly DatapointToRegister[],
): Promise<Problem> {
  const billableIds = batch.filter((d) => isBillable(d.kind)).map((d) => d.externalId);
  const [account] = await queryRows<{ contracted: number; used: number; registered: number }>(
    db,
    sql`select ${accounts.datapointsContracted} as contracted, ${accounts.datapointsUsed} as used,
      (select count(*)::int from ${datapoints} where ${datapoints.accountId} = ${accountId}
        and ${datapoints.externalId} in (select jsonb_array_elements_text(${JSON.stringify(billableIds)}::jsonb))
      ) as registered
    from ${accounts} where ${accounts.id} = ${accountId}`,
  );
  const left = account ? datapointsLeft(account) : 0;
  const needed = billableIds.length - (account?.registered ?? 0);
  return new Problem(
    "QUOTA_EXCEEDED",
    `The batch needs ${needed} more datapoints but the account has ${left} left; nothing was registered.`,
    { extensions: { datapointsLeft: left, datapointsNeeded: needed } },
  );
}

export function presentRegistration(answer: RegistrationAnswer): RegistrationResult {
  return {
    registered: answer.registered,
    alreadyRegistered: answer.alreadyRegistered,
    datapoints: datapointsCapacity(answer.contracted, answer.used),
  };
}

export interface ReleaseAnswer {
  released: { id: string; externalId: string; billable: boolean }[];
  contracted: number;
  used: number;
}

/** Releases datapoints by id or external id, expired account or not; the units are free at once. */
export async function releaseDatapoints({
  db,
  caller,
  accountId,
  release,
  remembering,
}: {
  db: Database;
  caller: IntegrationActor | PartnerUserActor;
  accountId: string;
  release: DatapointRelease;
  remembering: Remembering | null;
}): Promise<ReleaseAnswer> {
  const [outcome] = await queryRows<{ body: ReleaseAnswer | null }>(
    db,
    sql`with target as (
      select ${accounts.id} as id from ${accounts}
      where ${accounts.id} = ${accountId} and ${accountScope(caller)}
    ),
    named as (
      select d.id from ${datapoints} d
      where d.account_id = (select id from target)
        and (d.id in (select jsonb_array_elements_text(${JSON.stringify(release.ids)}::jsonb)::uuid)
          or d.external_id in (select jsonb_array_elements_text(${JSON.stringify(release.externalIds)}::jsonb)))
      -- Locked in one order, so that two releases naming the same datapoints cannot deadlock.
      order by d.id
      for update
    ),
    released as (
      delete from ${datapoints} d using named where d.id = named.id
      returning d.id, d.external_id, d.billable
    ),
    counted as (
      update ${accounts}
      set datapoints_used = datapoints_used - (select count(*) from released where billable)
      where id = (select id from target)
      returning datapoints_contracted, datapoints_used
    ),
    answer as (
      select jsonb_build_object(
        'released', coalesce((select jsonb_agg(jsonb_build_object(
          'id', id, 'externalId', external_id, 'billable', billable) order by external_id)
          from released), '[]'::jsonb),
        'contracted', datapoints_contracted,
        'used', datapoints_used
      ) as body
      from counted
    )${rememberAnswer(remembering, sql`answer`, sql`body`)}
    select answer.body from target left join answer on true`,
    { prepared: true },
  );
  if (!outcome?.body) throw notFound("account");
  return outcome.body;
}

export function presentRelease(answer: ReleaseAnswer, release: DatapointRelease): ReleaseResult {
  const ids = new Set(answer.released.map((d) => d.id));
  const externalIds = new Set(answer.released.map((d) => d.externalId));
  return {
    released: answer.released,
    notRegistered: {
      ids: release.ids.filter((id) => !ids.has(id)),
      externalIds: release.externalIds.filter((id) => !externalIds.has(id)),
    },
    datapoints: datapointsCapacity(answer.contracted, answer.used),
  };
}

/** Spends SMS credits from an active account's balance, or refuses with the balance. */
export async function spendSmsCredits({
  db,
  caller,
  accountId,
  credits,
  now,
  remembering,
}: {
  db: Database;
  caller: IntegrationActor;
  accountId: string;
  credits: number;
  now: Date;
  remembering: Remembering | null;
}): Promise<SmsSpendingResult> {
  const [outcome] = await queryRows<Outcome<SmsSpendingResult>>(
    db,
    sql`with ${target(caller, accountId, now)},
    spent as (
      update ${accounts} set sms_credits = sms_credits - ${credits}::int
      where id = (select id from target where active) and sms_credits >= ${credits}::int
      returning id, partner_id, sms_credits
    ),
    recorded as (
      insert into ${smsSpendings} (partner_id, account_id, credits, api_key_id, spent_at)
      select partner_id, id, ${credits}::int, ${caller.apiKeyId}::uuid, ${now.toISOString()}::timestamptz
      from spent
    ),
    answer as (
      select jsonb_build_object('spent', ${credits}::int, 'smsCredits', jsonb_build_object('left', sms_credits)) as body
      from spent
    )${rememberAnswer(remembering, sql`answer`, sql`body`)}
    select target.active, target.ends_on, answer.body from target left join answer on true`,
    { prepared: true },
  );
  if (!outcome) throw notFound("account");
  if (outcome.body) return outcome.body;
  if (!outcome.active) throw expired(outcome.ends_on, "SMS spending");
  const [account] = await queryRows<{ balance: number }>(
    db,
    sql`select ${accounts.smsCredits} as balance from ${accounts} where ${accounts.id} = ${accountId}`,
  );
  const balance = account?.balance ?? 0;
  throw new Problem(
    "INSUFFICIENT_SMS_CREDITS",
    `Spending ${credits} SMS credits needs more than the balance of ${balance}; nothing was spent.`,
    { extensions: { smsCreditsLeft: balance } },
  );
}
