/**
 * Reading applications: a partner's Applications zone and the Customer Success review queue, each
 * with its before → after — as applied once approved, as it would apply now while pending.
 */
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type {
  Application,
  ApplicationListQuery,
  EntitlementChange,
} from "../../shared/api/applications.ts";
import type { Page } from "../../shared/api/common.ts";
import { changeRequest, newAccountRequest } from "../../shared/domain/applications.ts";
import { dateIn } from "../../shared/domain/calendar.ts";
import { planChange } from "../../shared/domain/changes.ts";
import { type FieldError, fieldErrorsOf } from "../../shared/errors.ts";
import { describeApplication, type Names } from "../../shared/i18n/describe-application.ts";
import type { Actor } from "../access/actor.ts";
import { accountScope, applicationScope } from "../access/scope.ts";
import { describingNames } from "../accounts/names.ts";
import type { AccountStates } from "../accounts/state.ts";
import type { Catalogue, CatalogueReader } from "../catalogue/queries.ts";
import type { Database } from "../db/client.ts";
import { accountHistory, accounts, applications, partners, users } from "../db/schema/index.ts";
import { containing } from "../db/search.ts";
import { translator } from "../i18n/translate.ts";
import { choicesNotOnOffer } from "./new-account.ts";

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

/** The time pending applications are checked at, and the catalogue their names come from. */
interface Reading {
  now: Date;
  catalogue: CatalogueReader;
}

type Row = Awaited<ReturnType<ReturnType<typeof withNames>["execute"]>>[number];

/** Turns rows into applications, loading what their summaries and before → after need at once. */
async function present(
  db: Database,
  actor: Actor,
  rows: Row[],
  { now, catalogue }: Reading,
): Promise<Application[]> {
  if (rows.length === 0) return [];
  const loaded = await catalogue(db);
  const { names, states } = await describingNames(db, {
    scope: accountScope(actor),
    catalogue,
    accountIds: rows.flatMap(({ application: a }) => [a.accountId, a.targetAccountId]),
  });
  const approvedIds = rows
    .filter((row) => row.application.status === "approved")
    .map((row) => row.application.id);
  const applied =
    approvedIds.length === 0
      ? []
      : await db
          .select({
            applicationId: accountHistory.applicationId,
            accountId: accountHistory.accountId,
            changes: accountHistory.changes,
          })
          .from(accountHistory)
          .where(
            and(
              inArray(accountHistory.applicationId, approvedIds),
              inArray(accountHistory.event, ["approved", "created"]),
            ),
          );

  return rows.map((row) => {
    const a = row.application;
    const reference = (id: string | null) => (id ? { id, name: names.account(id) ?? "" } : null);
    let changes: EntitlementChange[] = [];
    let problems: FieldError[] = [];
    if (a.status === "approved") {
      changes = applied
        .filter((entry) => entry.applicationId === a.id)
        .flatMap((entry) =>
          entry.changes.map((change) => ({
            account: { id: entry.accountId, name: names.account(entry.accountId) ?? "" },
            ...change,
          })),
        );
    } else if (a.status === "pending") {
      ({ changes, problems } = preview(a, states, loaded, names, now));
    }
    return {
      id: a.id,
      kind: a.kind,
      status: a.status,
      partner: { id: a.partnerId, name: row.partnerName },
      account: a.accountId && row.accountName ? { id: a.accountId, name: row.accountName } : null,
      targetAccount: reference(a.targetAccountId),
      payload: a.payload,
      summary: describeApplication(a.kind, a.payload, names, translator(actor.language)),
      changes,
      problems,
      comment: a.comment,
      requestedBy: { id: a.requestedBy, name: row.requesterName },
      requestedAt: a.requestedAt.toISOString(),
      waitingSeconds:
        a.status === "pending"
          ? Math.max(0, Math.floor((now.getTime() - a.requestedAt.getTime()) / 1000))
          : null,
      decidedBy: a.decidedBy ? { id: a.decidedBy, name: row.deciderName ?? "" } : null,
      decidedAutomatically: a.decidedAutomatically,
      decidedAt: a.decidedAt?.toISOString() ?? null,
      decisionComment: a.decisionComment,
    };
  });
}

/** What approving a pending application would do to the accounts as they are now. */
function preview(
  a: typeof applications.$inferSelect,
  states: AccountStates,
  catalogue: Catalogue,
  names: Names,
  now: Date,
): { changes: EntitlementChange[]; problems: FieldError[] } {
  if (a.kind === "new_account") {
    const request = newAccountRequest.safeParse(a.payload);
    if (!request.success) return { changes: [], problems: fieldErrorsOf(request.error.issues) };
    const r = request.data;
    const fresh = { id: "", name: r.name };
    const after: [string, string | number | null][] = [
      ["datapointsContracted", r.datapoints],
      ["licenceId", names.licence(r.licenceId) ?? r.licenceId],
      [
        "billManagementTypeId",
        r.billManagementTypeId ? (names.billManagementType(r.billManagementTypeId) ?? null) : null,
      ],
      ["rtmMeters", r.rtmMeters],
      ["additionalPods", r.additionalPods],
      ["smsCredits", r.smsCredits],
      ["rtcLines", r.rtcLines],
      ["periodMonths", r.periodMonths],
    ];
    return {
      changes: after.map(([field, value]) => ({
        account: fresh,
        field,
        before: null,
        after: value,
      })),
      // A choice retired since filing: approval would refuse it, so the reviewer sees it first.
      problems: choicesNotOnOffer(catalogue, r),
    };
  }
  const account = a.accountId ? states.get(a.accountId) : undefined;
  const change = changeRequest.safeParse({ kind: a.kind, payload: a.payload });
  if (!account || !change.success)
    return {
      changes: [],
      problems: [{ field: "payload", message: "The request is no longer readable" }],
    };
  const plan = planChange({
    ...change.data,
    account,
    target: a.targetAccountId ? states.get(a.targetAccountId) : undefined,
    today: dateIn(account.timeZone, now),
    catalogue: { offered: catalogue.offered, names },
  });
  if (!plan.ok) return { changes: [], problems: plan.errors };
  return {
    changes: plan.changes.map(({ accountId, ...change }) => ({
      account: { id: accountId, name: names.account(accountId) ?? "" },
      ...change,
    })),
    problems: [],
  };
}

/**
 * Applications whose account or customer (a new account's as asked), partner or requester has
 * `q` in its name, in any case; `%` and `_` are the letters typed, not wildcards.
 */
function searching(q: string): SQL | undefined {
  const pattern = containing(q);
  return or(
    ilike(accounts.name, pattern),
    ilike(accounts.customerName, pattern),
    ilike(sql`${applications.payload}->>'name'`, pattern),
    ilike(sql`${applications.payload}->>'customerName'`, pattern),
    ilike(partners.name, pattern),
    ilike(requester.name, pattern),
  );
}

/** Pending applications first (oldest first, as a queue), then the decided ones, newest first. */
export async function listApplications(
  db: Database,
  actor: Actor,
  query: ApplicationListQuery,
  reading: Reading,
): Promise<Page<Application>> {
  const filters: (SQL | undefined)[] = [applicationScope(actor)];
  if (query.status) filters.push(eq(applications.status, query.status));
  if (query.kind) filters.push(eq(applications.kind, query.kind));
  if (query.partnerId) filters.push(eq(applications.partnerId, query.partnerId));
  if (query.accountId) {
    filters.push(
      or(
        eq(applications.accountId, query.accountId),
        eq(applications.targetAccountId, query.accountId),
      ),
    );
  }
  if (query.q) filters.push(searching(query.q));
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
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
    // The same joins as the page: the search reads the account's, partner's and requester's names.
    db
      .select({ value: count() })
      .from(applications)
      .innerJoin(partners, eq(partners.id, applications.partnerId))
      .innerJoin(requester, eq(requester.id, applications.requestedBy))
      .leftJoin(accounts, eq(accounts.id, applications.accountId))
      .where(where),
  ]);
  return {
    items: await present(db, actor, rows, reading),
    page: query.page,
    pageSize: query.pageSize,
    total: total?.value ?? 0,
  };
}

export async function findApplication(
  db: Database,
  actor: Actor,
  id: string,
  reading: Reading,
): Promise<Application | null> {
  const rows = await withNames(db).where(and(eq(applications.id, id), applicationScope(actor)));
  const [found] = await present(db, actor, rows, reading);
  return found ?? null;
}
