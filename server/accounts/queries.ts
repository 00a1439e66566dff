/** Reading accounts: the zones of Account management, the home list and the account page. */
import { and, asc, count, desc, eq, gt, ilike, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type {
  AccountDetail,
  AccountListQuery,
  AccountSummary,
  ZoneAccount,
} from "../../shared/api/accounts.ts";
import type { Page } from "../../shared/api/common.ts";
import { accountStatus, daysLeft } from "../../shared/domain/accounts.ts";
import { dateIn } from "../../shared/domain/calendar.ts";
import type { Actor } from "../access/actor.ts";
import { accountScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import {
  accounts,
  applications,
  billManagementTypes,
  licences,
  partners,
  sectors,
} from "../db/schema/index.ts";
import { containing } from "../db/search.ts";

const bmType = alias(billManagementTypes, "bm_type");
const datapointsLeftSql = sql<number>`(${accounts.datapointsContracted} - ${accounts.datapointsUsed})`;

const summaryColumns = {
  id: accounts.id,
  name: accounts.name,
  customerName: accounts.customerName,
  country: accounts.country,
  sectorCode: accounts.sectorCode,
  sectorName: sectors.name,
  licenceId: licences.id,
  licenceName: licences.name,
  bmTypeId: bmType.id,
  bmTypeName: bmType.name,
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

function summaries(db: Database) {
  return db
    .select(summaryColumns)
    .from(accounts)
    .innerJoin(partners, eq(partners.id, accounts.partnerId))
    .innerJoin(licences, eq(licences.id, accounts.licenceId))
    .innerJoin(sectors, eq(sectors.code, accounts.sectorCode))
    .leftJoin(bmType, eq(bmType.id, accounts.billManagementTypeId));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>["execute"]>>[number];

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

const SORT_COLUMNS = {
  name: sql`lower(${accounts.name})`,
  customerName: sql`lower(${accounts.customerName})`,
  endsOn: accounts.endsOn,
  datapointsLeft: datapointsLeftSql,
  licence: licences.name,
} as const;

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
  if (query.zone === "active") filters.push(gt(accounts.endsOn, today));
  if (query.zone === "expired") filters.push(lte(accounts.endsOn, today));
  if (query.q) {
    const pattern = containing(query.q);
    filters.push(or(ilike(accounts.name, pattern), ilike(accounts.customerName, pattern)));
  }
  if (query.licenceId) filters.push(eq(accounts.licenceId, query.licenceId));
  return and(...filters);
}

async function countAccounts(db: Database, where: SQL | undefined): Promise<number> {
  const [total] = await db
    .select({ value: count() })
    .from(accounts)
    .innerJoin(licences, eq(licences.id, accounts.licenceId))
    .where(where);
  return total?.value ?? 0;
}

const orderOf = (query: Pick<AccountListQuery, "sort" | "order">) =>
  [(query.order === "desc" ? desc : asc)(SORT_COLUMNS[query.sort]), asc(accounts.id)] as const;

/** A page of the accounts an actor may see (the home list). */
export async function listAccounts(
  db: Database,
  actor: Actor & { kind: "partner_user" },
  query: Omit<AccountListQuery, "zone"> & { zone: AccountListQuery["zone"] | "all" },
  now: Date,
): Promise<Page<AccountSummary>> {
  const where = listFilters(actor, query, now);
  const [rows, total] = await Promise.all([
    summaries(db)
      .where(where)
      .orderBy(...orderOf(query))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    countAccounts(db, where),
  ]);
  return {
    items: rows.map((row) => toSummary(row, now)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

/** The rows of one page of a SuperAdmin's zone, each with its pending applications. */
export function zoneAccountsQuery(db: Database, where: SQL | undefined, query: AccountListQuery) {
  return db
    .select({ ...summaryColumns, pendingApplications: pendingApplicationsSql })
    .from(accounts)
    .innerJoin(partners, eq(partners.id, accounts.partnerId))
    .innerJoin(licences, eq(licences.id, accounts.licenceId))
    .innerJoin(sectors, eq(sectors.code, accounts.sectorCode))
    .leftJoin(bmType, eq(bmType.id, accounts.billManagementTypeId))
    .where(where)
    .orderBy(...orderOf(query))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
}

/** A page of a SuperAdmin's Active or Expired zone: each account with its pending applications. */
export async function listZoneAccounts(
  db: Database,
  actor: Actor & { kind: "partner_user" },
  query: AccountListQuery,
  now: Date,
): Promise<Page<ZoneAccount>> {
  const where = listFilters(actor, query, now);
  const [rows, total] = await Promise.all([
    zoneAccountsQuery(db, where, query),
    countAccounts(db, where),
  ]);
  return {
    items: rows.map((row) => ({
      ...toSummary(row, now),
      pendingApplications: Number(row.pendingApplications),
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
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
    .innerJoin(licences, eq(licences.id, accounts.licenceId))
    .innerJoin(sectors, eq(sectors.code, accounts.sectorCode))
    .leftJoin(bmType, eq(bmType.id, accounts.billManagementTypeId))
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
