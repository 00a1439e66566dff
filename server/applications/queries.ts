/** Reading applications: a partner's Applications zone and the Customer Success review queue. */
import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Application, ApplicationListQuery } from "../../shared/api/applications.ts";
import type { Page } from "../../shared/api/common.ts";
import { describeApplication } from "../../shared/domain/describe.ts";
import type { Actor } from "../auth/actor.ts";
import { applicationScope } from "../auth/scope.ts";
import type { Database } from "../db/client.ts";
import { accounts, applications, licences, partners, users } from "../db/schema.ts";

const requester = alias(users, "requester");
const decider = alias(users, "decider");

function withNames(db: Database) {
  return db
    .select({
      application: applications,
      partnerName: partners.name,
      accountName: accounts.name,
      requesterName: requester.name,
      deciderName: decider.name,
    })
    .from(applications)
    .innerJoin(partners, eq(partners.id, applications.partnerId))
    .innerJoin(requester, eq(requester.id, applications.requestedBy))
    .leftJoin(accounts, eq(accounts.id, applications.accountId))
    .leftJoin(decider, eq(decider.id, applications.decidedBy));
}

type Row = Awaited<ReturnType<ReturnType<typeof withNames>["execute"]>>[number];

async function licenceNames(db: Database): Promise<(id: string) => string | undefined> {
  const rows = await db.select({ id: licences.id, name: licences.name }).from(licences);
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return (id) => names.get(id);
}

function toApplication(row: Row, licenceName: (id: string) => string | undefined): Application {
  const a = row.application;
  return {
    id: a.id,
    kind: a.kind,
    status: a.status,
    partner: { id: a.partnerId, name: row.partnerName },
    account: a.accountId && row.accountName ? { id: a.accountId, name: row.accountName } : null,
    payload: a.payload,
    summary: describeApplication(a.kind, a.payload, licenceName),
    comment: a.comment,
    requestedBy: { id: a.requestedBy, name: row.requesterName },
    requestedAt: a.requestedAt.toISOString(),
    decidedBy: a.decidedBy ? { id: a.decidedBy, name: row.deciderName ?? "" } : null,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decisionComment: a.decisionComment,
  };
}

/** Pending applications first (oldest first, as a queue), then the decided ones, newest first. */
export async function listApplications(
  db: Database,
  actor: Actor,
  query: ApplicationListQuery,
): Promise<Page<Application>> {
  const filters: (SQL | undefined)[] = [applicationScope(actor)];
  if (query.status) filters.push(eq(applications.status, query.status));
  if (query.kind) filters.push(eq(applications.kind, query.kind));
  if (query.partnerId) filters.push(eq(applications.partnerId, query.partnerId));
  const where = and(...filters);
  const [rows, [total], licenceName] = await Promise.all([
    withNames(db)
      .where(where)
      .orderBy(
        desc(sql`${applications.status} = 'pending'`),
        sql`case when ${applications.status} = 'pending' then ${applications.requestedAt} end asc`,
        desc(applications.decidedAt),
        asc(applications.id),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(applications).where(where),
    licenceNames(db),
  ]);
  return {
    items: rows.map((row) => toApplication(row, licenceName)),
    page: query.page,
    pageSize: query.pageSize,
    total: total?.value ?? 0,
  };
}

export async function findApplication(
  db: Database,
  actor: Actor,
  id: string,
): Promise<Application | null> {
  const [row] = await withNames(db).where(and(eq(applications.id, id), applicationScope(actor)));
  return row ? toApplication(row, await licenceNames(db)) : null;
}
