/** Registering datapoints: a batch counts all or nothing against the contract. */
import { type SQL, sql } from "drizzle-orm";
import type { RegistrationResult } from "../../shared/api/usage.ts";
import { datapointsLeft } from "../../shared/domain/accounts.ts";
import { isBillable } from "../../shared/domain/datapoints.ts";
import { type DatapointToRegister, datapointsCapacity } from "../../shared/domain/usage.ts";
import type { Caller, IntegrationActor, PartnerUserActor } from "../access/actor.ts";
import { type Database, queryRows } from "../db/client.ts";
import { violatedCheckConstraint } from "../db/errors.ts";
import { accounts, datapoints, events, usageAlerts, usageLedger } from "../db/schema/index.ts";
import { notFound, Problem } from "../errors.ts";
import { type Remembering, rememberAnswer } from "./idempotency.ts";
import { apiKeyOf, thresholdSql } from "./ledger.ts";
import { expired, type Outcome, target } from "./statements.ts";

/** What the registration statement answers; presented by `presentRegistration`. */
interface RegistrationAnswer {
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
  added as (select count(*)::int as n from inserted where billable),
  counted as (
    update ${accounts}
    set datapoints_used = datapoints_used + (select n from added)
    where id = (select id from target where active)
    returning id, partner_id, datapoints_contracted, datapoints_used, sms_credits
  ),
  ${ledgerAndAlerts(caller, now)}
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

/**
 * The ledger row of the datapoints counted, and the threshold the count reached. The alert is
 * raised by an upsert that changes a row only when the threshold is higher than the one already
 * announced; under the counter's row lock, concurrent registrations that cross together see each
 * other's alert, so exactly one of them gets a row back and records the event.
 */
function ledgerAndAlerts(caller: Caller, now: Date): SQL {
  const at = now.toISOString();
  const reached = thresholdSql(sql`datapoints_used`, sql`datapoints_contracted`);
  return sql`ledger as (
    insert into ${usageLedger} (partner_id, account_id, entry, recorded_at, datapoints_delta,
      datapoints_used, datapoints_contracted, sms_credits, api_key_id)
    select partner_id, id, 'registered', ${at}::timestamptz, added.n,
      datapoints_used, datapoints_contracted, sms_credits, ${apiKeyOf(caller)}::uuid
    from counted cross join added where added.n > 0
  ),
  alerted as (
    insert into ${usageAlerts} as a (account_id, partner_id, datapoints_threshold)
    select id, partner_id, ${reached} from counted cross join added
    where added.n > 0 and ${reached} > 0
    on conflict (account_id) do update set datapoints_threshold = excluded.datapoints_threshold
    where a.datapoints_threshold < excluded.datapoints_threshold
    returning account_id, partner_id, datapoints_threshold
  ),
  announced as (
    insert into ${events} (type, partner_id, account_id, occurred_at, data)
    select 'usage.threshold_reached', alerted.partner_id, alerted.account_id, ${at}::timestamptz,
      jsonb_build_object('accountId', alerted.account_id, 'threshold', alerted.datapoints_threshold,
        'datapointsUsed', counted.datapoints_used, 'datapointsContracted', counted.datapoints_contracted)
    from alerted cross join counted
  ),`;
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
