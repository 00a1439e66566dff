/** Reading partners for Customer Success: the list with its counts, and one partner's page. */
import { and, asc, count, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { Page } from "../../shared/api/common.ts";
import type {
  Partner,
  PartnerAccount,
  PartnerDetail,
  PartnerListQuery,
} from "../../shared/api/partners.ts";
import { accountStatus } from "../../shared/domain/accounts.ts";
import { dateIn } from "../../shared/domain/calendar.ts";
import type { Language } from "../../shared/domain/languages.ts";
import { partnerStatus } from "../../shared/domain/partners.ts";
import type { Database } from "../db/client.ts";
import { accounts, licences, partners, users } from "../db/schema/index.ts";
import { holds } from "../db/search.ts";
import { writtenLimit } from "../db/written.ts";
import { notFound } from "../errors.ts";
import { listPartnerPeople } from "../people/queries.ts";

// Spelt out: in a single-table select Drizzle leaves columns unqualified, and inside these
// subqueries "id" would be the counted table's own.
const partnerId = sql.raw(`"partners"."id"`);
const userCount = sql<number>`(select count(*) from ${users} where ${users.partnerId} = ${partnerId} and ${users.deactivatedAt} is null)::int`;
const accountCount = sql<number>`(select count(*) from ${accounts} where ${accounts.partnerId} = ${partnerId})::int`;

function withCounts(db: Database) {
  return db
    .select({
      id: partners.id,
      name: partners.name,
      country: partners.country,
      timeZone: partners.timeZone,
      defaultLanguage: partners.defaultLanguage,
      suspendedAt: partners.suspendedAt,
      createdAt: partners.createdAt,
      userCount,
      accountCount,
    })
    .from(partners);
}

type Row = Awaited<ReturnType<ReturnType<typeof withCounts>["execute"]>>[number];

function toPartner(row: Row): Partner {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    timeZone: row.timeZone,
    defaultLanguage: row.defaultLanguage as Language,
    status: partnerStatus(row),
    suspendedAt: row.suspendedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    userCount: row.userCount,
    accountCount: row.accountCount,
  };
}

/** By name; a search matches part of the name. */
export async function listPartners(db: Database, query: PartnerListQuery): Promise<Page<Partner>> {
  const filters: (SQL | undefined)[] = [];
  if (query.q) {
    filters.push(holds(partners.name, query.q));
  }
  if (query.status === "active") filters.push(isNull(partners.suspendedAt));
  if (query.status === "suspended") filters.push(isNotNull(partners.suspendedAt));
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    withCounts(db)
      .where(where)
      .orderBy(sql`lower(${partners.name})`, asc(partners.id))
      .limit(writtenLimit(query.pageSize))
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(partners).where(where),
  ]);
  return {
    items: rows.map(toPartner),
    page: query.page,
    pageSize: query.pageSize,
    total: total?.value ?? 0,
  };
}

/** Use cases that change nothing when there is nothing to change still answer 404 for no partner. */
export async function assertPartnerExists(db: Database, partnerId: string): Promise<void> {
  const [found] = await db
    .select({ id: partners.id })
    .from(partners)
    .where(eq(partners.id, partnerId));
  if (!found) throw notFound("partner");
}

export async function findPartner(db: Database, id: string): Promise<Partner | null> {
  const [row] = await withCounts(db).where(eq(partners.id, id));
  return row ? toPartner(row) : null;
}

/** The partner with its people, its open invitations and its accounts. */
export async function findPartnerDetail(
  db: Database,
  id: string,
  now: Date,
): Promise<PartnerDetail | null> {
  const found = await findPartner(db, id);
  if (!found) return null;
  const [people, owned] = await Promise.all([
    listPartnerPeople(db, id, now),
    partnerAccounts(db, id, dateIn(found.timeZone, now)),
  ]);
  return { ...found, ...people, accounts: owned };
}

async function partnerAccounts(
  db: Database,
  partnerId: string,
  today: string,
): Promise<PartnerAccount[]> {
  const rows = await db
    .select({
      id: accounts.id,
      name: accounts.name,
      licenceId: licences.id,
      licenceName: licences.name,
      endsOn: accounts.endsOn,
    })
    .from(accounts)
    .innerJoin(licences, eq(licences.id, accounts.licenceId))
    .where(eq(accounts.partnerId, partnerId))
    .orderBy(sql`lower(${accounts.name})`, asc(accounts.id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    licence: { id: row.licenceId, name: row.licenceName },
    status: accountStatus(row.endsOn, today),
    endsOn: row.endsOn,
  }));
}
