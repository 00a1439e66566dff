/** Releasing datapoints: by id or external id; what was not registered is reported, not refused. */
import { sql } from "drizzle-orm";
import type { ReleaseResult } from "../../shared/api/usage.ts";
import { type DatapointRelease, datapointsCapacity } from "../../shared/domain/usage.ts";
import type { IntegrationActor, PartnerUserActor } from "../access/actor.ts";
import { accountScope } from "../access/scope.ts";
import { type Database, queryRows } from "../db/client.ts";
import { accounts, datapoints } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { type Remembering, rememberAnswer } from "./idempotency.ts";

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
