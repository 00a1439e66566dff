/**
 * Reading applications: a partner's Applications zone and the Customer Success review queue, each
 * with its before → after — as applied once approved, as it would apply now while pending.
 */
import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  ilike,
  inArray,
  or,
  type SQL,
  type SQLWrapper,
  sql,
  type WithSubquery,
} from "drizzle-orm";
import { alias, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import {
  type Application,
  type ApplicationCursor,
  type ApplicationListPart,
  type ApplicationListQuery,
  type EntitlementChange,
  readApplicationCursor,
} from "../../shared/api/applications.ts";
import type { KeysetPage } from "../../shared/api/common.ts";
import { changeRequest, newAccountRequest } from "../../shared/domain/application-requests.ts";
import { APPLICATION_KINDS, APPLICATION_STATUSES } from "../../shared/domain/applications.ts";
import { dateIn } from "../../shared/domain/calendar.ts";
import { planChange } from "../../shared/domain/changes.ts";
import { type FieldError, fieldErrorsOf } from "../../shared/errors.ts";
import { describeApplication, type Names } from "../../shared/i18n/describe-application.ts";
import type { Actor } from "../access/actor.ts";
import { accountScope, applicationScope } from "../access/scope.ts";
import { describingNames } from "../accounts/names.ts";
import type { AccountStates } from "../accounts/state.ts";
import type { Catalogue, CatalogueReader } from "../catalogue/queries.ts";
import { type Database, onePlanForEveryText, queryRows } from "../db/client.ts";
import { lookUp } from "../db/look-up.ts";
import { arrayOf, isOneOf } from "../db/one-of.ts";
import { matchingColumn, pageOfRows, timeAndId, totalOf, totalOfPage } from "../db/paging.ts";
import {
  accountHistory,
  accounts,
  applications,
  askedNames,
  partners,
  users,
} from "../db/schema/index.ts";
import { containing, hasTrigram, holds } from "../db/search.ts";
import { isWritten, writtenLimit } from "../db/written.ts";
import { Problem } from "../errors.ts";
import { translator } from "../i18n/translate.ts";
import { choicesNotOnOffer } from "./new-account.ts";

/** Applications a search finds, read apart from the list that shows them. */
const found = alias(applications, "found");

/** A time as a cursor holds it: in UTC to the microsecond, whatever the session's time zone. */
const cursorTime = (column: PgColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'`;

/** An application's columns but its search's letter pairs, which only its index needs. */
const { searchPairs: _, ...shown } = getTableColumns(applications);

/** What a page's rows also carry: the count of the rows of `counted` that `counting` keeps. */
interface Count {
  counting: SQL | undefined;
  /** The applications, or the few a search found. */
  counted?: PgTable | SQL;
  /** The order the count reads them in (listFilters). */
  along?: SQLWrapper[] | undefined;
}

/** Applications with the names they show, and with `count`, the count of their list. */
function withNames(db: Pick<Database, "select">, count?: Count) {
  return (
    db
      .select({
        application: shown,
        matching: matchingColumn(count?.counted ?? applications, count?.counting, count?.along),
        partnerName: partners.name,
        accountName: lookUp<string | null>(accounts.name, accounts.id, applications.accountId),
        requesterName: lookUp<string>(users.name, users.id, applications.requestedBy),
        deciderName: lookUp<string | null>(users.name, users.id, applications.decidedBy),
        requestedAtKey: cursorTime(applications.requestedAt),
        decidedAtKey: cursorTime(applications.decidedAt),
      })
      .from(applications)
      // Joined rather than looked up: Drizzle then writes every column with its table.
      .innerJoin(partners, eq(partners.id, applications.partnerId))
  );
}

/** The time pending applications are checked at, and the catalogue their names come from. */
interface Reading {
  now: Date;
  catalogue: CatalogueReader;
}

type Row = Awaited<ReturnType<ReturnType<typeof withNames>["execute"]>>[number];

/** What an approved application changed to one account, as the account's history recorded it. */
interface Applied {
  applicationId: string;
  accountId: string;
  changes: Omit<EntitlementChange, "account">[];
}

/**
 * What approved applications changed, as one JSON value (a column of a page's statement of names):
 * read by the index of the history on the application (a page of a decided list asks for up to a
 * page of them).
 */
export function changesAppliedBy(applicationIds: string[]): SQL<Applied[]> {
  if (applicationIds.length === 0) return sql<Applied[]>`'[]'::json`;
  return sql<
    Applied[]
  >`(select coalesce(json_agg(json_build_object('applicationId', ${accountHistory.applicationId}, 'accountId', ${accountHistory.accountId}, 'changes', ${accountHistory.changes})), '[]')
    from ${accountHistory}
    where ${and(
      isOneOf(accountHistory.applicationId, applicationIds),
      inArray(accountHistory.event, ["approved", "created"]),
    )})`;
}

/**
 * Turns rows into applications, with what their summaries and before → after need read in one
 * statement: the catalogue, the accounts they name and what the approved ones changed.
 */
async function present(
  db: Database,
  actor: Actor,
  rows: Row[],
  { now, catalogue }: Reading,
): Promise<Application[]> {
  if (rows.length === 0) return [];
  const approvedIds = rows
    .filter((row) => row.application.status === "approved")
    .map((row) => row.application.id);
  // Only a pending application's preview reads its accounts' state; a decided one's account is
  // named on its own row, and a move's target by the statement of names.
  const {
    names: described,
    states,
    catalogue: loaded,
    also: { applied },
  } = await describingNames(db, {
    scope: accountScope(actor),
    catalogue,
    accountIds: rows.flatMap(({ application: a }) =>
      a.status === "pending" ? [a.accountId, a.targetAccountId] : [a.targetAccountId],
    ),
    also: { applied: changesAppliedBy(approvedIds) },
  });
  const namedOnRows = new Map(rows.map((row) => [row.application.accountId, row.accountName]));
  const names: Names = {
    ...described,
    account: (id) => described.account(id) ?? namedOnRows.get(id) ?? undefined,
  };

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
  a: Row["application"],
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
 * Past this many accounts, partners, requesters or applications named by a search, the
 * applications are found by reading the list in its order instead: so common a text fills a page
 * within a few rows.
 */
const NAMED_UP_TO = 2_000;

/**
 * The applications whose account, partner or requester is among `named`: by their ids when few
 * are (the planner then knows how few, and reads them by the indexes on those ids), else by the
 * subquery that names them.
 */
function namedBy(column: PgColumn, named: string[], matching: SQLWrapper): SQL | undefined {
  if (named.length > NAMED_UP_TO) return inArray(column, matching);
  return named.length === 0 ? undefined : isOneOf(column, named);
}

/**
 * What a search for `q` looks for, in any case; `%` and `_` are the letters typed, not wildcards.
 * `partnerId`: the list shows one partner's applications, so only its accounts are looked up (a
 * review queue filtered to a partner names half the accounts when two partners hold the text).
 */
function searchTerms(actor: Actor, q: string, partnerId?: string) {
  const pattern = containing(q);
  // Text of two letters or more is first looked up by its letter pairs (migration 0012).
  const pairs = [...q].length > 1;
  return {
    pairs,
    /** Accounts of the actor's scope (and of the partner shown) with `q` in their names. */
    account: and(
      accountScope(actor),
      partnerId ? eq(accounts.partnerId, partnerId) : undefined,
      pairs ? sql`${accounts.searchPairs} @> letter_pairs(${q})` : undefined,
      or(holds(accounts.name, q), holds(accounts.customerName, q)),
    ),
    partner: holds(partners.name, q),
    requester: holds(users.name, q),
    /**
     * Applications for a new account asked under a name or customer with `q` in it: found by the
     * trigrams of those names, else by their letter pairs.
     */
    asked: (table: typeof applications | typeof found) =>
      and(
        partnerId ? eq(table.partnerId, partnerId) : undefined,
        hasTrigram(q)
          ? ilike(askedNames(table.payload), pattern)
          : pairs
            ? sql`${table.searchPairs} @> letter_pairs(${q})`
            : undefined,
        or(
          holds(sql`${table.payload}->>'name'`, q),
          holds(sql`${table.payload}->>'customerName'`, q),
        ),
      ),
  };
}

type SearchTerms = ReturnType<typeof searchTerms>;

/** The terms of a list's search, if it has one. */
const termsOf = (actor: Actor, query: ApplicationListQuery): SearchTerms | undefined =>
  query.q ? searchTerms(actor, query.q, query.partnerId) : undefined;

/** The ids a search names, each list up to one more than NAMED_UP_TO (null: not looked up). */
interface Named {
  accounts: string[];
  partners: string[];
  requesters: string[];
  applications: string[] | null;
}

/** Named, as the naming statement sends it. */
type NamedText = Record<keyof Named, string | null>;

/**
 * What a search names, as one row: the ids of the accounts, partners and requesters whose names
 * hold its text, each list up to one more than NAMED_UP_TO.
 */
function namedRow(terms: SearchTerms): SQL {
  const ids = (column: PgColumn, where: SQL | undefined) =>
    sql`array(select ${column} from ${column.table} where ${where} limit ${writtenLimit(NAMED_UP_TO + 1)})`;
  return sql`select ${ids(accounts.id, terms.account)} as accounts,
    ${ids(partners.id, terms.partner)} as partners, ${ids(users.id, terms.requester)} as requesters`;
}

/**
 * One statement naming what a search for `q` finds: the accounts, partners and requesters, and,
 * when the accounts are few and the text has letter pairs, the applications of those accounts or
 * asked under such a name, by the indexes on the account and on the letter pairs.
 */
export function namingQuery(
  db: Database,
  actor: Actor,
  q: string,
  terms = searchTerms(actor, q),
): SQL {
  const idsOf = (where: SQL | undefined) =>
    sql`array(${db
      .select({ id: found.id })
      .from(found)
      .where(where)
      .limit(writtenLimit(NAMED_UP_TO + 1))})`;
  // Two lists rather than one of either: the accounts' ids are then the index's condition alone,
  // not a filter each row is checked against. A new account asked for has no account of its own.
  const applicationsFound = terms.pairs
    ? sql`array_to_string(case when cardinality(named.accounts) <= ${NAMED_UP_TO}
        then ${idsOf(sql`${found.accountId} = any(named.accounts)`)} || ${idsOf(terms.asked(found))}
        end, ',')`
    : sql`null::text`;
  // Materialized: each list is read once, though the statement names it twice.
  return onePlanForEveryText(sql`with named as materialized (${namedRow(terms)})
    select array_to_string(accounts, ',') as accounts, array_to_string(partners, ',') as partners,
      array_to_string(requesters, ',') as requesters,
      ${applicationsFound} as applications
    from named`);
}

/**
 * Ids the naming statement sends as one text, comma-separated: a few hundred uuids split in one
 * call instead of parsed as an array of text, character by character (9% of a search's CPU).
 */
const idsIn = (text: string | null): string[] => (text ? text.split(",") : []);

/**
 * Applications whose account or customer (a new account's as asked), partner or requester has
 * `q` in its name. What the search names is read first, in one statement; the list then reads the
 * few applications found by their ids. Left to itself the planner may instead walk the list's
 * order through thousands of rows to find them, as it takes them to be spread evenly along it.
 */
async function searching(
  db: Database,
  actor: Actor,
  q: string,
  terms: SearchTerms,
): Promise<{ where: SQL; few: boolean }> {
  const [text] = await queryRows<NamedText>(db, namingQuery(db, actor, q, terms));
  const named: Named = {
    accounts: idsIn(text?.accounts ?? null),
    partners: idsIn(text?.partners ?? null),
    requesters: idsIn(text?.requesters ?? null),
    applications: text?.applications == null ? null : idsIn(text.applications),
  };
  const idsWhere = (table: typeof accounts | typeof partners | typeof users, where?: SQL) =>
    db.select({ id: table.id }).from(table).where(where);
  const applicationIds = named.applications;
  const byIds = applicationIds != null && applicationIds.length <= NAMED_UP_TO;
  const where =
    or(
      byIds
        ? // Through a subquery the planner takes the ids for a few, to read by id and sort;
          // counted, it may walk the list's order instead, checking every row against them.
          sql`${applications.id} = any(array(select unnest(${arrayOf(applications.id, applicationIds)})))`
        : or(
            namedBy(applications.accountId, named.accounts, idsWhere(accounts, terms.account)),
            terms.asked(applications),
          ),
      namedBy(applications.partnerId, named.partners, idsWhere(partners, terms.partner)),
      namedBy(applications.requestedBy, named.requesters, idsWhere(users, terms.requester)),
    ) ?? sql`false`;
  // Only the applications found by id: no partner or requester named brings their whole lists.
  const few = byIds && named.partners.length === 0 && named.requesters.length === 0;
  return { where, few };
}

/**
 * What a list of applications is limited to but its search: the actor's scope and its filters;
 * `along`: the order its count reads them in.
 */
function filtersOf(
  actor: Actor,
  query: ApplicationListQuery,
): { filters: SQL | undefined; along: SQLWrapper[] | undefined } {
  const filters: (SQL | undefined)[] = [applicationScope(actor)];
  if (query.status)
    filters.push(isWritten(applications.status, query.status, APPLICATION_STATUSES));
  if (query.kind) filters.push(isWritten(applications.kind, query.kind, APPLICATION_KINDS));
  if (query.partnerId) filters.push(eq(applications.partnerId, query.partnerId));
  if (query.accountId) {
    filters.push(
      or(
        eq(applications.accountId, query.accountId),
        eq(applications.targetAccountId, query.accountId),
      ),
    );
  }
  const onePartner = actor.kind !== "customer_success" || query.partnerId !== undefined;
  const [part, other] = partsOf(query.status);
  return {
    filters: and(...filters),
    // One partner's applications are counted along an index of the partner's: by filing time, or
    // the time of the one part a status lists. Left to itself the planner reads the table from its
    // start, taking them to be spread evenly over it: a partner whose 100,000 were filed after
    // another's 10,000 had all of those read first, 0.7–1.2 ms a page against 0.15. Every
    // partner's have no such index; they are read as they come.
    along: onePartner ? [applications[part && !other ? PARTS[part].at : "requestedAt"]] : undefined,
  };
}

/**
 * What a list of applications is limited to: its filters and its search (by `terms`, those of
 * its text); `few`: the search found few applications, by id; `along`: the order its count reads
 * them in.
 */
async function listFilters(
  db: Database,
  actor: Actor,
  query: ApplicationListQuery,
  terms = termsOf(actor, query),
): Promise<{ where: SQL | undefined; few: boolean; along: SQLWrapper[] | undefined }> {
  const { filters, along } = filtersOf(actor, query);
  const search = query.q && terms ? await searching(db, actor, query.q, terms) : undefined;
  return { where: and(filters, search?.where), few: search?.few ?? false, along };
}

/** The columns a list's order reads: the applications table's, or those of the few a search found. */
interface Ordered {
  id: PgColumn;
  status: PgColumn;
  requestedAt: PgColumn;
  decidedAt: PgColumn;
}

/**
 * The parts of the list, in its order: pending applications oldest filed first (a queue), then
 * the decided ones latest decided first, each with the id last so that equal times still have one
 * order. Each part, with each filter, is an index range (schema/applications.ts).
 */
const PARTS: Record<
  ApplicationListPart,
  { where: (columns: Ordered) => SQL; at: "requestedAt" | "decidedAt"; ascending: boolean }
> = {
  pending: { where: (c) => sql`${c.status} = 'pending'`, at: "requestedAt", ascending: true },
  decided: { where: (c) => sql`${c.status} <> 'pending'`, at: "decidedAt", ascending: false },
};

/** The parts a status filter leaves: pending alone, the decided alone, or both. */
const partsOf = (status: ApplicationListQuery["status"]): ApplicationListPart[] =>
  status === undefined ? ["pending", "decided"] : status === "pending" ? ["pending"] : ["decided"];

/** The rows of one part, read from `from` (after it, in the direction read) up to `limit`. */
function partRows(
  db: Database,
  where: SQL | undefined,
  name: ApplicationListPart,
  {
    forwards,
    from,
    limit,
    counting,
    along,
  }: {
    forwards: boolean;
    from: ApplicationCursor | null;
    limit: number;
    counting?: SQL | undefined;
    along?: SQLWrapper[] | undefined;
  },
) {
  const part = PARTS[name];
  const at = applications[part.at];
  const upwards = part.ascending === forwards;
  const direction = upwards ? asc : desc;
  const past = from ? timeAndId(at, applications.id, upwards ? ">" : "<", from) : undefined;
  return withNames(db, { counting, along })
    .where(and(where, part.where(applications), past))
    .orderBy(direction(at), direction(applications.id))
    .limit(writtenLimit(limit));
}

/** The list's order over `columns`, both parts at once, in the direction read. */
function bothPartsOrder(columns: Ordered, forwards: boolean): SQL[] {
  const pending = PARTS.pending.where(columns);
  const along = (ascending: boolean) => (ascending === forwards ? asc : desc);
  return [
    along(true)(sql`${columns.status} <> 'pending'`),
    along(true)(sql`case when ${pending} then ${columns.requestedAt} end`),
    along(true)(sql`case when ${pending} then ${columns.id} end`),
    along(false)(columns.decidedAt),
    along(false)(columns.id),
  ];
}

/** The columns a list's order reads, of the few applications a search found. */
const foundColumns = {
  id: applications.id,
  status: applications.status,
  requestedAt: applications.requestedAt,
  decidedAt: applications.decidedAt,
};

/** The few applications a search found, by their ids (`searching`), as a list's statement reads them. */
const foundWhere = (db: Database, where: SQL | undefined) =>
  db.$with("found").as(db.select(foundColumns).from(applications).where(where));

type Found = ReturnType<typeof foundWhere>;

/**
 * The applications a search finds, named and read by the statement of their page: those of the
 * accounts whose names hold the text and those asked under such a name, when the text names at
 * most NAMED_UP_TO accounts and no partner or requester; none otherwise, for `searching` to tell
 * apart. One statement instead of two: the ids found no longer travel to the server and back, and
 * the applications are read once, by the index on their account, rather than named, then read by id.
 */
function foundAtOnce(
  db: Database,
  filters: SQL | undefined,
  terms: SearchTerms,
): { found: Found; also: WithSubquery[] } {
  const named = db.$with("named", {}).as(onePlanForEveryText(namedRow(terms)));
  const fewNamed = sql`(select cardinality(accounts) <= ${NAMED_UP_TO}
    and cardinality(partners) = 0 and cardinality(requesters) = 0 from ${named})`;
  const read = (where: SQL | undefined) =>
    db
      .select(foundColumns)
      .from(applications)
      .where(and(filters, fewNamed, where));
  // Two readings rather than one of either: each is then one index's condition.
  const byAccount = sql`${applications.accountId} = any((select accounts from ${named})::uuid[])`;
  const found = db.$with("found").as(read(byAccount).union(read(terms.asked(applications))));
  return { found, also: [named] };
}

/**
 * The rows of a list whose search found few applications, both parts in one statement: the few
 * read once (then sorted, and counted), from `from` (after it, in the direction read) up to `limit`;
 * `also`: what `found` reads from.
 */
function bothPartsRows(
  db: Database,
  { found, also = [] }: { found: Found; also?: WithSubquery[] },
  { forwards, from, limit }: { forwards: boolean; from: ApplicationCursor | null; limit: number },
) {
  const inPart = (name: ApplicationListPart) => PARTS[name].where(found);
  const pastIn = (name: ApplicationListPart, cursor: ApplicationCursor) => {
    const upwards = PARTS[name].ascending === forwards;
    const at = found[PARTS[name].at];
    return and(inPart(name), timeAndId(at, found.id, upwards ? ">" : "<", cursor));
  };
  // Past the cursor: the rest of its part, then the whole part that follows it when read this way.
  const following: ApplicationListPart = forwards ? "decided" : "pending";
  const past = from
    ? from.part === following
      ? pastIn(from.part, from)
      : or(pastIn(from.part, from), inPart(following))
    : undefined;
  // The page's ids first, so that only its rows are joined to their names.
  const page = db
    .select({ id: found.id })
    .from(found)
    .where(past)
    .orderBy(...bothPartsOrder(found, forwards))
    .limit(writtenLimit(limit));
  return withNames(db.with(...also, found), { counting: sql`true`, counted: sql`${found}` })
    .where(inArray(applications.id, page))
    .orderBy(...bothPartsOrder(applications, forwards))
    .limit(writtenLimit(limit));
}

/** The first page of one part of a list, as the database is asked for it (for its plan). */
export async function listPartQuery(
  db: Database,
  actor: Actor,
  query: ApplicationListQuery,
  part: ApplicationListPart,
): Promise<SQL> {
  const { where } = await listFilters(db, actor, query);
  return partRows(db, where, part, {
    forwards: true,
    from: null,
    limit: query.pageSize + 1,
  }).getSQL();
}

/** The first page of a search that finds few applications, as the database is asked for it (for its plan). */
export function fewFoundQuery(db: Database, actor: Actor, query: ApplicationListQuery): SQL {
  const terms = searchTerms(actor, query.q ?? "", query.partnerId);
  return bothPartsRows(db, foundAtOnce(db, filtersOf(actor, query).filters, terms), {
    forwards: true,
    from: null,
    limit: query.pageSize + 1,
  }).getSQL();
}

/** A list's count, as its first page asks for it (for its plan). */
export async function listCountQuery(
  db: Database,
  actor: Actor,
  query: ApplicationListQuery,
): Promise<SQL> {
  const { where, along } = await listFilters(db, actor, query);
  return sql`select ${matchingColumn(applications, where, along)}`;
}

/** The whole list in its order, for a page by number past the first (the CSV export's). */
function numberedPage(
  db: Database,
  { where, along }: { where: SQL | undefined; along: SQLWrapper[] | undefined },
  query: ApplicationListQuery,
) {
  return withNames(db, { counting: where, along })
    .where(where)
    .orderBy(...bothPartsOrder(applications, true))
    .limit(writtenLimit(query.pageSize + 1))
    .offset((query.page - 1) * query.pageSize);
}

function cursorGiven(query: ApplicationListQuery): ApplicationCursor | null {
  const [field, value] = query.before ? ["before", query.before] : ["after", query.after];
  if (!value) return null;
  const cursor = readApplicationCursor(value);
  if (!cursor || !partsOf(query.status).includes(cursor.part)) {
    throw new Problem("VALIDATION_FAILED", "The cursor is of another list.", {
      errors: [
        { field, message: "This cursor belongs to another status: start from the first page" },
      ],
    });
  }
  return cursor;
}

/** Where a row of the list stands in its order: the key of its cursor. */
function keyOf(row: Row): string[] {
  const pending = row.application.status === "pending";
  return [
    pending ? "pending" : "decided",
    pending ? row.requestedAtKey : row.decidedAtKey,
    row.application.id,
  ];
}

/**
 * A page of applications: pending first (oldest first, as a queue), then the decided ones, latest
 * first. Pages follow cursors (keyset): the page after `after` or before `before` costs what the
 * first does, however deep; the total is counted only up to EXACT_TOTAL_UP_TO.
 */
export async function listApplications(
  db: Database,
  actor: Actor,
  query: ApplicationListQuery,
  reading: Reading,
): Promise<KeysetPage<Application>> {
  const from = cursorGiven(query);
  const forwards = !query.before;
  const numbered = !from && query.page > 1;
  // One row more than the page: whether another page follows in the direction read.
  const limit = query.pageSize + 1;
  const terms = termsOf(actor, query);
  // A search of text with letter pairs first asks for its page in the statement that names what
  // it finds; found nothing there, the list is read as below (the text names too much, or nothing).
  const foundFew =
    terms?.pairs && !numbered
      ? await bothPartsRows(db, foundAtOnce(db, filtersOf(actor, query).filters, terms), {
          forwards,
          from,
          limit,
        })
      : [];
  const { rows, counted } =
    foundFew.length > 0
      ? { rows: foundFew, counted: totalOf(foundFew[0]?.matching ?? 0) }
      : await readList(db, actor, query, { from, forwards, numbered, limit, terms });
  const {
    rows: page,
    next,
    previous,
  } = pageOfRows(
    rows,
    { pageSize: query.pageSize, backwards: !forwards, atStart: !from && !numbered },
    keyOf,
  );
  return {
    items: await present(db, actor, page, reading),
    page: query.page,
    pageSize: query.pageSize,
    ...counted,
    next,
    previous,
  };
}

/** The rows of a page of applications (one more than the page) and the count of its list. */
async function readList(
  db: Database,
  actor: Actor,
  query: ApplicationListQuery,
  {
    from,
    forwards,
    numbered,
    limit,
    terms,
  }: {
    from: ApplicationCursor | null;
    forwards: boolean;
    numbered: boolean;
    limit: number;
    terms: SearchTerms | undefined;
  },
): Promise<{ rows: Row[]; counted: { total: number; totalExact: boolean } }> {
  const { where, few, along } = await listFilters(db, actor, query, terms);
  const read = async (): Promise<Row[]> => {
    if (numbered) return numberedPage(db, { where, along }, query);
    if (few) return bothPartsRows(db, { found: foundWhere(db, where) }, { forwards, from, limit });
    const parts = partsOf(query.status);
    const ordered = forwards ? parts : parts.reverse();
    const start = from ? ordered.indexOf(from.part) : 0;
    const rows: Row[] = [];
    for (const name of ordered.slice(start)) {
      rows.push(
        ...(await partRows(db, where, name, {
          forwards,
          from: from?.part === name ? from : null,
          limit: limit - rows.length,
          // The first rows read carry the count of the whole list.
          counting: rows.length === 0 ? where : undefined,
          along,
        })),
      );
      if (rows.length >= limit) break;
    }
    return rows;
  };
  const rows = await read();
  return { rows, counted: await totalOfPage(db, rows, applications, where, along) };
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
