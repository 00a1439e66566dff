/** Reading usage: an account's entitlements as used, and its registered datapoints. */
import { and, asc, count, eq, type SQL, sql } from "drizzle-orm";
import type { Page } from "../../shared/api/common.ts";
import type {
  AccountUsage,
  Datapoint,
  DatapointListQuery,
  ReachableAccount,
  ReachableAccountQuery,
} from "../../shared/api/usage.ts";
import { accountStatus } from "../../shared/domain/accounts.ts";
import { dateIn } from "../../shared/domain/calendar.ts";
import { decodeCursor, encodeCursor } from "../../shared/domain/cursor.ts";
import { datapointsCapacity, smsCapacity } from "../../shared/domain/usage.ts";
import type { Caller } from "../access/actor.ts";
import { accountScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { accounts, datapoints, partners, smsSpendings } from "../db/schema/index.ts";

export async function readUsage(
  db: Database,
  caller: Caller,
  accountId: string,
  now: Date,
): Promise<AccountUsage | null> {
  const [row] = await db
    .select({
      id: accounts.id,
      name: accounts.name,
      endsOn: accounts.endsOn,
      timeZone: partners.timeZone,
      datapointsContracted: accounts.datapointsContracted,
      datapointsUsed: accounts.datapointsUsed,
      smsBalance: accounts.smsCredits,
      smsSpent: sql<number>`(select coalesce(sum(${smsSpendings.credits}), 0)::int from ${smsSpendings}
        where ${smsSpendings.accountId} = ${accounts.id})`,
    })
    .from(accounts)
    .innerJoin(partners, eq(partners.id, accounts.partnerId))
    .where(and(eq(accounts.id, accountId), accountScope(caller)));
  if (!row) return null;
  const status = accountStatus(row.endsOn, dateIn(row.timeZone, now));
  const closed = status === "expired";
  const datapoints = datapointsCapacity(row.datapointsContracted, row.datapointsUsed);
  const smsCredits = smsCapacity(row.smsSpent, row.smsBalance);
  // An expired account refuses registrations and spending: nothing is left to use until renewed.
  return {
    account: { id: row.id, name: row.name },
    status,
    closed,
    endsOn: row.endsOn,
    datapoints: closed ? { ...datapoints, left: 0 } : datapoints,
    smsCredits: closed ? { ...smsCredits, left: 0 } : smsCredits,
  };
}

/** The partner's date at `now`, as PostgreSQL computes it for each row. */
const partnersToday = (now: Date) =>
  sql`(${now.toISOString()}::timestamptz at time zone ${partners.timeZone})::date`;

/** A page of the accounts the caller reaches, by name: an API key's way to discover its accounts. */
export async function listReachableAccounts(
  db: Database,
  caller: Caller,
  query: ReachableAccountQuery,
  now: Date,
): Promise<Page<ReachableAccount>> {
  const active = sql`${accounts.endsOn} > ${partnersToday(now)}`;
  const where = and(
    accountScope(caller),
    query.status === undefined
      ? undefined
      : query.status === "active"
        ? active
        : sql`not ${active}`,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: accounts.id,
        name: accounts.name,
        partnerId: partners.id,
        partnerName: partners.name,
        endsOn: accounts.endsOn,
        timeZone: partners.timeZone,
      })
      .from(accounts)
      .innerJoin(partners, eq(partners.id, accounts.partnerId))
      .where(where)
      .orderBy(asc(accounts.name), asc(accounts.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ value: count() })
      .from(accounts)
      .innerJoin(partners, eq(partners.id, accounts.partnerId))
      .where(where),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      partner: { id: row.partnerId, name: row.partnerName },
      endsOn: row.endsOn,
      status: accountStatus(row.endsOn, dateIn(row.timeZone, now)),
    })),
    page: query.page,
    pageSize: query.pageSize,
    total: total?.value ?? 0,
  };
}

/** A page of an account's datapoints by device, then name; null when the caller cannot see the account. */
export async function listDatapoints(
  db: Database,
  caller: Caller,
  accountId: string,
  query: DatapointListQuery,
): Promise<(Page<Datapoint> & { next: string | null }) | null> {
  const filters: (SQL | undefined)[] = [eq(datapoints.accountId, accountId)];
  if (query.kind) filters.push(eq(datapoints.kind, query.kind));
  if (query.device) filters.push(eq(datapoints.deviceName, query.device));
  const where = and(...filters);
  // After a cursor: the rows past its key in the list's order, whatever the page number says.
  const after = query.after ? decodeCursor(query.after, 3) : null;
  const page = after
    ? and(
        where,
        sql`(${datapoints.deviceName}, ${datapoints.name}, ${datapoints.id}) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`,
      )
    : where;
  const visible = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), accountScope(caller)));
  if (visible.length === 0) return null;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(datapoints)
      .where(page)
      .orderBy(asc(datapoints.deviceName), asc(datapoints.name), asc(datapoints.id))
      .limit(query.pageSize)
      .offset(after ? 0 : (query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(datapoints).where(where),
  ]);
  const last = rows.at(-1);
  return {
    items: rows.map((d) => ({
      id: d.id,
      externalId: d.externalId,
      name: d.name,
      deviceName: d.deviceName,
      kind: d.kind,
      billable: d.billable,
      registeredAt: d.registeredAt.toISOString(),
    })),
    page: query.page,
    pageSize: query.pageSize,
    total: total?.value ?? 0,
    next:
      last && rows.length === query.pageSize
        ? encodeCursor([last.deviceName, last.name, last.id])
        : null,
  };
}
