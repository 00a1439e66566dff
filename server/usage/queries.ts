/** Reading usage: an account's entitlements as used, and its registered datapoints. */
import { and, asc, desc, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { KeysetPage } from "../../shared/api/common.ts";
import {
  type AccountUsage,
  type DatapointCursor,
  type DatapointListQuery,
  type DatapointPage,
  type ReachableAccount,
  type ReachableAccountQuery,
  readDatapointCursor,
  readReachableAccountCursor,
} from "../../shared/api/usage.ts";
import { accountStatus } from "../../shared/domain/accounts.ts";
import { dateIn } from "../../shared/domain/calendar.ts";
import { datapointsCapacity, smsCapacity } from "../../shared/domain/usage.ts";
import type { Caller } from "../access/actor.ts";
import { accountScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import {
  atStart,
  matchingColumn,
  pageOfRows,
  type Reading,
  readingOf,
  totalOfPage,
} from "../db/paging.ts";
import { accounts, datapoints, partners, smsSpendings } from "../db/schema/index.ts";
import { writtenLimit } from "../db/written.ts";

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

/** What the reachable accounts are read from, counted as a whole. */
const reached = sql`${accounts} inner join ${partners} on ${partners.id} = ${accounts.partnerId}`;

/**
 * The rows of a page of reachable accounts, by name, then id: a range of the index (partner, name,
 * id), or (name, id) for a platform-wide caller, after (or, backwards, before) an account.
 */
export function reachablePageQuery(
  db: Database,
  where: SQL | undefined,
  reading: Reading<{ name: string; id: string }>,
) {
  const { from, backwards } = reading;
  const past = from
    ? sql`(${accounts.name}, ${accounts.id}) ${sql.raw(backwards ? "<" : ">")} (${from.name}::text, ${from.id}::uuid)`
    : undefined;
  const direction = backwards ? desc : asc;
  return db
    .select({
      id: accounts.id,
      name: accounts.name,
      partnerId: partners.id,
      partnerName: partners.name,
      endsOn: accounts.endsOn,
      matching: matchingColumn(reached, reading.counting),
      timeZone: partners.timeZone,
    })
    .from(accounts)
    .innerJoin(partners, eq(partners.id, accounts.partnerId))
    .where(and(where, past))
    .orderBy(direction(accounts.name), direction(accounts.id))
    .limit(writtenLimit(reading.limit))
    .offset(reading.offset);
}

/**
 * A page of the accounts the caller reaches, by name: an API key's way to discover its accounts.
 * Pages follow cursors (keyset) on the index (partner, name, id), or (name, id) for a platform-wide
 * caller; the total is counted up to EXACT_TOTAL_UP_TO.
 */
export async function listReachableAccounts(
  db: Database,
  caller: Caller,
  query: ReachableAccountQuery,
  now: Date,
): Promise<KeysetPage<ReachableAccount>> {
  const active = sql`${accounts.endsOn} > ${partnersToday(now)}`;
  const where = and(
    accountScope(caller),
    query.status === undefined
      ? undefined
      : query.status === "active"
        ? active
        : sql`not ${active}`,
  );
  const reading = readingOf(query, readReachableAccountCursor);
  const rows = await reachablePageQuery(db, where, { ...reading, counting: where ?? sql`true` });
  const counted = await totalOfPage(db, rows, reached, where);
  const {
    rows: page,
    next,
    previous,
  } = pageOfRows(
    rows,
    { pageSize: query.pageSize, backwards: reading.backwards, atStart: atStart(reading) },
    (row) => [row.name, row.id],
  );
  return {
    items: page.map((row) => ({
      id: row.id,
      name: row.name,
      partner: { id: row.partnerId, name: row.partnerName },
      endsOn: row.endsOn,
      status: accountStatus(row.endsOn, dateIn(row.timeZone, now)),
    })),
    page: query.page,
    pageSize: query.pageSize,
    ...counted,
    next,
    previous,
  };
}

/** The order of an account's datapoints, which each of its indexes holds past the filters. */
const datapointOrder = [datapoints.deviceName, datapoints.name, datapoints.id];

/**
 * The rows of a page of an account's datapoints, by device, then name, then id: a range of the
 * index (account, device, name, id), or (account, kind, device, name, id) when filtered by kind.
 */
export function datapointPageQuery(
  db: Database,
  list: Pick<DatapointListQuery, "kind" | "device"> & { accountId: string },
  { from, backwards, offset, limit, counting }: Reading<DatapointCursor>,
) {
  const direction = backwards ? desc : asc;
  const past = from
    ? sql`(${datapoints.deviceName}, ${datapoints.name}, ${datapoints.id}) ${sql.raw(backwards ? "<" : ">")} (${from.deviceName}::text, ${from.name}::text, ${from.id}::uuid)`
    : undefined;
  return db
    .select({
      ...getTableColumns(datapoints),
      matching: matchingColumn(datapoints, counting, datapointOrder),
    })
    .from(datapoints)
    .where(and(datapointFilters(list), past))
    .orderBy(...datapointOrder.map((column) => direction(column)))
    .limit(writtenLimit(limit))
    .offset(offset);
}

export const datapointFilters = (
  list: Pick<DatapointListQuery, "kind" | "device"> & { accountId: string },
) =>
  and(
    eq(datapoints.accountId, list.accountId),
    list.kind ? eq(datapoints.kind, list.kind) : undefined,
    list.device ? eq(datapoints.deviceName, list.device) : undefined,
  );

/**
 * A page of an account's datapoints by device, then name; null when the caller cannot see the
 * account. Pages follow cursors (keyset): the page after `after` or before `before` is a range of
 * an index (`datapointPageQuery`), so a deep page costs what the first does. The total is counted
 * up to EXACT_TOTAL_UP_TO.
 */
export async function listDatapoints(
  db: Database,
  caller: Caller,
  accountId: string,
  query: DatapointListQuery,
): Promise<DatapointPage | null> {
  const visible = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), accountScope(caller)));
  if (visible.length === 0) return null;
  const list = { accountId, kind: query.kind, device: query.device };
  const reading = readingOf(query, readDatapointCursor);
  const counting = datapointFilters(list);
  const rows = await datapointPageQuery(db, list, { ...reading, counting });
  const counted = await totalOfPage(db, rows, datapoints, counting, datapointOrder);
  const {
    rows: page,
    next,
    previous,
  } = pageOfRows(
    rows,
    { pageSize: query.pageSize, backwards: reading.backwards, atStart: atStart(reading) },
    (row) => [row.deviceName, row.name, row.id],
  );
  return {
    items: page.map((d) => ({
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
    ...counted,
    next,
    previous,
  };
}
