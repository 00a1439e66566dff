/** Reading accounts: the zones of Account management, the home list and the account page. */
import { and, asc, desc, eq, exists, gt, lt, lte, or, type SQL, sql } from "drizzle-orm";
import {
  type AccountCursor,
  type AccountDetail,
  type AccountListQuery,
  type AccountPage,
  type AccountSort,
  type AccountSummary,
  readAccountCursor,
  type ZoneAccountPage,
} from "../../shared/api/accounts.ts";
import { accountStatus, daysLeft } from "../../shared/domain/accounts.ts";
import { dateIn } from "../../shared/domain/calendar.ts";
import type { Actor } from "../access/actor.ts";
import { accountScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { lookUp } from "../db/look-up.ts";
import { matchingColumn, pageOfRows, totalOfPage } from "../db/paging.ts";
import {
  accounts,
  applications,
  billManagementTypes,
  licences,
  partners,
  sectors,
} from "../db/schema/index.ts";
import { holds } from "../db/search.ts";
import { writtenDate, writtenLimit } from "../db/written.ts";
import { Problem } from "../errors.ts";

const summaryColumns = {
  id: accounts.id,
  name: accounts.name,
  customerName: accounts.customerName,
  country: accounts.country,
  sectorCode: accounts.sectorCode,
  sectorName: lookUp<string>(sectors.name, sectors.code, accounts.sectorCode),
  licenceId: accounts.licenceId,
  licenceName: lookUp<string>(licences.name, licences.id, accounts.licenceId),
  bmTypeId: accounts.billManagementTypeId,
  bmTypeName: lookUp<string | null>(
    billManagementTypes.name,
    billManagementTypes.id,
    accounts.billManagementTypeId,
  ),
  startsOn: accounts.startsOn,
  endsOn: accounts.endsOn,
  datapointsContracted: accounts.datapointsContracted,
  datapointsUsed: accounts.datapointsUsed,
  rtmMeters: accounts.rtmMeters,
  additionalPods: accounts.additionalPods,
  smsCredits: accounts.smsCredits,
  rtcLines: accounts.rtcLines,
  timeZone: partners.timeZone,
};

/**
 * The account's pending applications, counted per row in the zone's own query: one correlated
 * count per end of an application, each answered by an index on that end (the partial unique
 * index on (account_id, kind) where pending; the index on target_account_id), so a page costs one
 * query however many rows it has. A move counts on both accounts it touches (never twice on one:
 * its target is another account).
 */
const pendingApplicationsSql = sql<number>`(
  (select count(*)::int from ${applications}
    where ${applications.accountId} = ${accounts.id}
      and ${applications.partnerId} = ${accounts.partnerId}
      and ${applications.status} = 'pending')
  + (select count(*)::int from ${applications}
    where ${applications.targetAccountId} = ${accounts.id}
      and ${applications.partnerId} = ${accounts.partnerId}
      and ${applications.status} = 'pending')
)`;

type SummaryRow = Pick<ZoneRow, keyof typeof summaryColumns>;

function toSummary(row: SummaryRow, now: Date): AccountSummary {
  const today = dateIn(row.timeZone, now);
  return {
    id: row.id,
    name: row.name,
    customerName: row.customerName,
    country: row.country,
    sector: { id: row.sectorCode, name: row.sectorName },
    licence: { id: row.licenceId, name: row.licenceName },
    billManagementType:
      row.bmTypeId && row.bmTypeName ? { id: row.bmTypeId, name: row.bmTypeName } : null,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: accountStatus(row.endsOn, today),
    daysLeft: daysLeft(row.endsOn, today),
    datapoints: {
      contracted: row.datapointsContracted,
      used: row.datapointsUsed,
      left: Math.max(0, row.datapointsContracted - row.datapointsUsed),
    },
    rtmMeters: row.rtmMeters,
    additionalPods: row.additionalPods,
    smsCredits: row.smsCredits,
    rtcLines: row.rtcLines,
  };
}

/**
 * What a list of accounts is limited to: the actor's scope, the zone (active: before its end date
 * in the partner's time zone; expired: from that day on), a search text and a licence.
 */
export function listFilters(
  actor: Actor & { kind: "partner_user" },
  query: Omit<AccountListQuery, "zone"> & { zone: AccountListQuery["zone"] | "all" },
  now: Date,
): SQL | undefined {
  const today = dateIn(actor.timeZone, now);
  const filters: (SQL | undefined)[] = [accountScope(actor)];
  if (query.zone === "active") filters.push(gt(accounts.endsOn, writtenDate(today)));
  if (query.zone === "expired") filters.push(lte(accounts.endsOn, writtenDate(today)));
  if (query.q) {
    filters.push(or(holds(accounts.name, query.q), holds(accounts.customerName, query.q)));
    // The index of letter pairs (migration 0012) finds the few rows that may hold the text.
    if ([...query.q].length > 1) {
      filters.push(sql`${accounts.searchPairs} @> letter_pairs(${query.q})`);
    }
  }
  if (query.licenceId) filters.push(eq(accounts.licenceId, query.licenceId));
  return and(...filters);
}

/**
 * Each sort of a zone as a keyset: the key a cursor holds (as text, as PostgreSQL writes it), the
 * order, and the row of values a cursor is compared with, the account's id last so that ties (one
 * end date shared by many accounts) still have one order. Each order is an index of `accounts`
 * (migration 0012). The licence's order is its name's, in another table: a page sorted by licence
 * is read licence by licence (`licencePage`), each by account id.
 */
const KEYSETS: Record<
  Exclude<AccountSort, "licence">,
  { key: SQL; order: SQL; at: (key: string) => SQL }
> = {
  name: {
    key: sql`lower(${accounts.name})`,
    order: sql`lower(${accounts.name})`,
    at: (key) => sql`${key}::text`,
  },
  customerName: {
    key: sql`lower(${accounts.customerName})`,
    order: sql`lower(${accounts.customerName})`,
    at: (key) => sql`${key}::text`,
  },
  endsOn: {
    key: sql`${accounts.endsOn}::text`,
    order: sql`${accounts.endsOn}`,
    at: (key) => sql`${key}::date`,
  },
  datapointsLeft: {
    key: sql`${accounts.datapointsLeft}::text`,
    order: sql`${accounts.datapointsLeft}`,
    at: (key) => sql`${key}::int`,
  },
};

interface Reading {
  /** The index is read upwards (ascending order, or a page before a cursor of descending order). */
  ascending: boolean;
  /** Where the page starts: after this account in the order read. */
  from: AccountCursor | null;
  offset: number;
  limit: number;
  /** Every row has one licence: the order is the account id's alone, as the index has it. */
  oneLicence?: boolean;
  /** The whole list's filter, when the rows also carry its count (`matching`). */
  counting?: SQL | undefined;
  /** The home list shows no pending applications: they are not counted. */
  withoutPendingApplications?: boolean;
}

/** The rows of one page of a SuperAdmin's zone, each with its pending applications and sort key. */
export function zoneAccountsQuery(
  db: Database,
  where: SQL | undefined,
  sort: AccountSort,
  reading: Reading,
) {
  const direction = reading.ascending ? asc : desc;
  const keyset = sort === "licence" ? null : KEYSETS[sort];
  const { from } = reading;
  const past =
    from && keyset
      ? sql`(${keyset.order}, ${accounts.id}) ${sql.raw(reading.ascending ? ">" : "<")} (${keyset.at(from.key)}, ${from.id}::uuid)`
      : undefined;
  return (
    db
      .select({
        ...summaryColumns,
        pendingApplications: reading.withoutPendingApplications
          ? sql<null>`null`
          : pendingApplicationsSql,
        sortKey: sql<string>`${keyset?.key ?? sql`${accounts.licenceId}::text`}`,
        matching: matchingColumn(accounts, reading.counting),
      })
      .from(accounts)
      // Joined rather than looked up: Drizzle then writes every column with its table, which the
      // pending applications' subqueries need to tell the account's id from the application's.
      .innerJoin(partners, eq(partners.id, accounts.partnerId))
      .where(and(where, past))
      .orderBy(
        ...(keyset
          ? [keyset.order]
          : reading.oneLicence
            ? []
            : [summaryColumns.licenceName, accounts.licenceId]
        ).map((c) => direction(c)),
        direction(accounts.id),
      )
      .limit(writtenLimit(reading.limit))
      .offset(reading.offset)
  );
}

type ZoneRow = Awaited<ReturnType<typeof zoneAccountsQuery>>[number];

/**
 * A page sorted by licence: licence after licence in the order of their names (a catalogue holds a
 * handful), each read by account id on the index (partner, licence, id), until the page is full.
 * A page by page number (no cursor) is one query, sorted whole.
 */
async function licencePage(
  db: Database,
  { scope, where }: { scope: SQL; where: SQL | undefined },
  query: AccountsQuery,
  reading: Reading,
): Promise<ZoneRow[]> {
  if (!reading.from && reading.offset > 0) {
    return zoneAccountsQuery(db, where, "licence", { ...reading, counting: where });
  }
  const direction = reading.ascending ? asc : desc;
  // The licences the actor's accounts hold, one probe of the index each (the limit keeps the
  // planner from joining every account of the portfolio instead).
  const ordered = await db
    .select({ id: licences.id })
    .from(licences)
    .where(
      and(
        query.licenceId ? eq(licences.id, query.licenceId) : undefined,
        exists(
          db
            .select({ one: sql`1` })
            .from(accounts)
            .where(and(scope, eq(accounts.licenceId, licences.id)))
            .limit(1),
        ),
      ),
    )
    .orderBy(direction(licences.name), direction(licences.id));
  const { from } = reading;
  const start = from ? ordered.findIndex((licence) => licence.id === from.key) : 0;
  const rows: ZoneRow[] = [];
  for (const licence of start < 0 ? [] : ordered.slice(start)) {
    const within =
      from?.key === licence.id ? (reading.ascending ? gt : lt)(accounts.id, from.id) : undefined;
    rows.push(
      ...(await zoneAccountsQuery(
        db,
        and(where, eq(accounts.licenceId, licence.id), within),
        "licence",
        {
          ...reading,
          from: null,
          limit: reading.limit - rows.length,
          oneLicence: true,
          // The first rows read carry the count of the whole list.
          counting: rows.length === 0 ? where : undefined,
        },
      )),
    );
    if (rows.length >= reading.limit) break;
  }
  return rows;
}

/** Home's list of accounts (zone "all": active and expired), or a zone of Account management. */
type AccountsQuery = Omit<AccountListQuery, "zone"> & { zone: AccountListQuery["zone"] | "all" };

function cursorGiven(query: AccountsQuery): AccountCursor | null {
  const [field, value] = query.before ? ["before", query.before] : ["after", query.after];
  if (!value) return null;
  const cursor = readAccountCursor(value);
  if (cursor?.sort !== query.sort) {
    throw new Problem("VALIDATION_FAILED", "The cursor is of another order of the list.", {
      errors: [
        { field, message: "This cursor belongs to another sort: start from the first page" },
      ],
    });
  }
  return cursor;
}

/**
 * A page of accounts, read by cursors (keyset): the page after `after` or before `before` costs
 * what the first does, however deep. The total is counted only up to EXACT_TOTAL_UP_TO.
 */
async function accountsPage(
  db: Database,
  actor: Actor & { kind: "partner_user" },
  query: AccountsQuery,
  now: Date,
  { withoutPendingApplications = false } = {},
) {
  const where = listFilters(actor, query, now);
  const from = cursorGiven(query);
  const backwards = Boolean(query.before);
  const reading: Reading = {
    ascending: (query.order === "asc") !== backwards,
    from,
    offset: from ? 0 : (query.page - 1) * query.pageSize,
    // One more than the page: whether another page follows in the direction read.
    limit: query.pageSize + 1,
    withoutPendingApplications,
  };
  const rows = await (query.sort === "licence"
    ? licencePage(db, { scope: accountScope(actor), where }, query, reading)
    : zoneAccountsQuery(db, where, query.sort, { ...reading, counting: where }));
  const counted = await totalOfPage(db, rows, accounts, where);
  const paged = pageOfRows(
    rows,
    { pageSize: query.pageSize, backwards, atStart: from === null && reading.offset === 0 },
    (row) => [query.sort, row.sortKey, row.id],
  );
  return { ...paged, ...counted, page: query.page, pageSize: query.pageSize };
}

/** A page of a SuperAdmin's Active or Expired zone: each account with its pending applications. */
export async function listZoneAccounts(
  db: Database,
  actor: Actor & { kind: "partner_user" },
  query: AccountListQuery,
  now: Date,
): Promise<ZoneAccountPage> {
  const { rows, ...page } = await accountsPage(db, actor, query, now);
  return {
    ...page,
    items: rows.map((row) => ({
      ...toSummary(row, now),
      pendingApplications: Number(row.pendingApplications),
    })),
  };
}

/** A page of the accounts an actor may see (the home list): a SuperAdmin's portfolio, or a user's. */
export async function listAccounts(
  db: Database,
  actor: Actor & { kind: "partner_user" },
  query: AccountsQuery,
  now: Date,
): Promise<AccountPage> {
  const { rows, ...page } = await accountsPage(db, actor, query, now, {
    withoutPendingApplications: true,
  });
  return { ...page, items: rows.map((row) => toSummary(row, now)) };
}

export async function findAccount(
  db: Database,
  actor: Actor,
  id: string,
  now: Date,
): Promise<AccountDetail | null> {
  const [row] = await db
    .select({
      ...summaryColumns,
      partnerId: partners.id,
      partnerName: partners.name,
      emailDomain: accounts.emailDomain,
      billingContactEmail: accounts.billingContactEmail,
      comment: accounts.comment,
      createdAt: accounts.createdAt,
    })
    .from(accounts)
    .innerJoin(partners, eq(partners.id, accounts.partnerId))
    .where(and(eq(accounts.id, id), accountScope(actor)));
  if (!row) return null;
  return {
    ...toSummary(row, now),
    partner: { id: row.partnerId, name: row.partnerName },
    emailDomain: row.emailDomain,
    billingContactEmail: row.billingContactEmail,
    comment: row.comment,
    createdAt: row.createdAt.toISOString(),
  };
}
