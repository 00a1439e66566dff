/** Registering datapoints: a batch counts all or nothing against the contract. */
import { type SQL, sql } from "drizzle-orm";
import type { RegistrationResult } from "../../shared/api/usage.ts";
import { datapointsLeft } from "../../shared/domain/accounts.ts";
import { isBillable } from "../../shared/domain/datapoints.ts";
import { type DatapointToRegister, datapointsCapacity } from "../../shared/domain/usage.ts";
import type { Caller, IntegrationActor, PartnerUserActor } from "../access/actor.ts";
import { type Database, queryRows } from "../db/client.ts";
import { violatedCheckConstraint } from "../db/errors.ts";
import { accounts, datapoints } from "../db/schema/index.ts";
import { notFound, Problem } from "../errors.ts";
import { type Remembering, rememberAnswer } from "./idempotency.ts";
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
