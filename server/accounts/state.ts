/** Accounts as the rules of applications read them, always within a tenant scope. */
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { AccountState } from "../../shared/domain/changes.ts";
import type { Database } from "../db/client.ts";
import { isOneOf } from "../db/one-of.ts";
import { accounts, partners } from "../db/schema/index.ts";

const stateColumns = {
  id: accounts.id,
  name: accounts.name,
  country: accounts.country,
  startsOn: accounts.startsOn,
  endsOn: accounts.endsOn,
  datapointsContracted: accounts.datapointsContracted,
  datapointsUsed: accounts.datapointsUsed,
  licenceId: accounts.licenceId,
  billManagementTypeId: accounts.billManagementTypeId,
  rtmMeters: accounts.rtmMeters,
  additionalPods: accounts.additionalPods,
  rtcLines: accounts.rtcLines,
  smsCredits: accounts.smsCredits,
};

export type AccountStates = Map<string, AccountState & { timeZone: string }>;

const distinct = (ids: (string | null)[]) => [
  ...new Set(ids.filter((id): id is string => id !== null)),
];

/**
 * Accounts by id within `scope`, with their partner's time zone, for previews and names: as one
 * JSON value, a column of a statement that reads more besides (one round trip for a page's
 * names). statesOf reads it back.
 */
export function accountStatesColumn(scope: SQL, ids: (string | null)[]): SQL {
  const wanted = distinct(ids);
  if (wanted.length === 0) return sql`'[]'::json`;
  const fields = Object.entries({ ...stateColumns, timeZone: partners.timeZone }).map(
    ([name, column]) => sql`${sql.raw(`'${name}'`)}, ${column}`,
  );
  return sql`(select coalesce(json_agg(json_build_object(${sql.join(fields, sql`, `)})), '[]')
    from ${accounts} join ${partners} on ${eq(partners.id, accounts.partnerId)}
    where ${and(scope, isOneOf(accounts.id, wanted))})`;
}

export const statesOf = (rows: (AccountState & { timeZone: string })[]): AccountStates =>
  new Map(rows.map((row) => [row.id, row]));

/**
 * Accounts within `scope`, locked until the transaction ends. Locks are taken one at a time in id
 * order, so two applications touching the same two accounts (opposite moves) cannot deadlock.
 */
export async function lockAccountStates(
  tx: Database,
  scope: SQL,
  ids: (string | null)[],
): Promise<Map<string, AccountState>> {
  const states = new Map<string, AccountState>();
  for (const id of distinct(ids).sort()) {
    const [row] = await tx
      .select(stateColumns)
      .from(accounts)
      .where(and(scope, eq(accounts.id, id)))
      .for("update");
    if (row) states.set(id, row);
  }
  return states;
}

export async function partnerTimeZone(db: Database, partnerId: string): Promise<string> {
  const [partner] = await db
    .select({ timeZone: partners.timeZone })
    .from(partners)
    .where(eq(partners.id, partnerId));
  return partner?.timeZone ?? "UTC";
}
