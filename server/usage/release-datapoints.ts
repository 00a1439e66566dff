/** Releasing datapoints: by id or external id; what was not registered is reported, not refused. */
import { sql } from "drizzle-orm";
import type { ReleaseResult } from "../../shared/api/usage.ts";
import { type DatapointRelease, datapointsCapacity } from "../../shared/domain/usage.ts";
import type { IntegrationActor, PartnerUserActor } from "../access/actor.ts";
import { accountScope } from "../access/scope.ts";
import { type Database, queryRows } from "../db/client.ts";
import { accounts, datapoints, usageAlerts, usageLedger } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { type Remembering, rememberAnswer } from "./idempotency.ts";
import { apiKeyOf, thresholdSql } from "./ledger.ts";

interface ReleaseAnswer {
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
  now,
  remembering,
}: {
  db: Database;
  caller: IntegrationActor | PartnerUserActor;
  accountId: string;
  release: DatapointRelease;
  now: Date;
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
    freed as (select count(*)::int as n from released where billable),
    counted as (
      update ${accounts}
      set datapoints_used = datapoints_used - (select n from freed)
      where id = (select id from target)
      returning id, partner_id, datapoints_contracted, datapoints_used, sms_credits
    ),
    ledger as (
      insert into ${usageLedger} (partner_id, account_id, entry, recorded_at, datapoints_delta,
        datapoints_used, datapoints_contracted, sms_credits, api_key_id)
      select partner_id, id, 'released', ${now.toISOString()}::timestamptz, -freed.n,
        datapoints_used, datapoints_contracted, sms_credits, ${apiKeyOf(caller)}::uuid
      from counted cross join freed where freed.n > 0
    ),
    -- Back below a threshold: it is announced again when crossed again.
    rearmed as (
      update ${usageAlerts} a
      set datapoints_threshold = ${thresholdSql(sql`counted.datapoints_used`, sql`counted.datapoints_contracted`)}
      from counted
      where a.account_id = counted.id
        and a.datapoints_threshold > ${thresholdSql(sql`counted.datapoints_used`, sql`counted.datapoints_contracted`)}
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
