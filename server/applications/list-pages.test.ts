/**
 * Keyset pages of the Applications zone and the review queue: following `next` visits every
 * application once in the list's order (pending oldest first, then decided latest first), even
 * where many share one time and while others are filed; `previous` comes back the same way; the
 * filters, the search and the total read as before; a cursor the list did not give is a 400.
 */
import { type SQLWrapper, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Application, ApplicationPage } from "../../shared/api/applications.ts";
import type { ApplicationStatus } from "../../shared/domain/applications.ts";
import { encodeCursor } from "../../shared/domain/cursor.ts";
import type { CustomerSuccessActor } from "../access/actor.ts";
import { type Database, refreshStatistics, selectValues, vacuumAndAnalyze } from "../db/client.ts";
import { applications, partners, users } from "../db/schema/index.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
  type PartnerFixture,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { followingPages } from "../test/pages.ts";
import { queryPlan } from "../test/query-plan.ts";
import {
  changesAppliedBy,
  fewFoundQuery,
  listCountQuery,
  listPartQuery,
  namingQuery,
} from "./queries.ts";

let t: TestApp;
let catalogue: Catalogue;
let alpha: PartnerFixture;
let beta: PartnerFixture;
let superAdmin: Session;
let reviewer: Session;
/** Every application of alpha, in the list's order. */
let ordered: string[];

const hour = (n: number) => new Date(Date.UTC(2026, 2, 1, 9 + n)).toISOString();

async function file(
  partner: PartnerFixture,
  name: string,
  {
    status = "pending",
    requested,
    decided = null,
    accountId = null,
    kind = accountId ? "edit_datapoints" : "new_account",
  }: {
    status?: ApplicationStatus;
    requested: string;
    decided?: string | null;
    accountId?: string | null;
    kind?: string;
  },
): Promise<string> {
  const payload = accountId ? { datapoints: 150 } : { name, customerName: `${name} customer` };
  const [row] = await t.db
    .insert(applications)
    .values({
      partnerId: partner.id,
      accountId,
      kind: kind as "new_account",
      status,
      payload,
      requestedBy: partner.superAdmin.id,
      requestedAt: new Date(requested),
      decidedAt: decided ? new Date(decided) : null,
    })
    .returning({ id: applications.id });
  if (!row) throw new Error("application not filed");
  return row.id;
}

beforeAll(async () => {
  // A database of its own: the plans of its lists must not move with other test files' rows.
  t = await startTestApp({ isolated: true, now: "2026-03-15T10:00:00Z" });
  catalogue = await createCatalogue(t.db);
  alpha = await createPartner(t.db);
  beta = await createPartner(t.db);
  superAdmin = await signIn(t.app, alpha.superAdmin.email);
  reviewer = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
  const harbour = await createAccount(t.db, alpha.id, catalogue, {
    name: "Harbour site",
    customerName: "Tidewater SL",
  });
  // Six pending (three filed at one time), six decided (three at one time), as a queue would be.
  for (const i of [0, 1, 2, 3, 4]) {
    await file(alpha, `Pending ${i}`, { requested: hour(i < 3 ? 1 : i) });
  }
  await file(alpha, "Harbour change", { requested: hour(6), accountId: harbour.id });
  for (const [i, status] of (["approved", "rejected", "withdrawn"] as const).entries()) {
    for (const n of [0, 1]) {
      await file(alpha, `Decided ${status} ${n}`, {
        status,
        requested: hour(0),
        decided: hour(n === 0 ? 20 : 10 + i),
      });
    }
  }
  for (const i of [0, 1]) await file(beta, `Beta pending ${i}`, { requested: hour(i) });
  await file(beta, "Beta approved", { status: "approved", requested: hour(0), decided: hour(5) });

  const rows = await t.db
    .select({
      id: applications.id,
      status: applications.status,
      requestedAt: applications.requestedAt,
      decidedAt: applications.decidedAt,
    })
    .from(applications)
    .where(sql`${applications.partnerId} = ${alpha.id}`);
  const key = (row: (typeof rows)[number]) =>
    row.status === "pending"
      ? [0, row.requestedAt.getTime(), row.id]
      : [1, -(row.decidedAt?.getTime() ?? 0), row.id];
  const compare = (a: (typeof rows)[number], b: (typeof rows)[number]) => {
    const [x, y] = [key(a), key(b)];
    for (const i of [0, 1]) if (x[i] !== y[i]) return Number(x[i]) - Number(y[i]);
    // Equal times: the id, upwards while pending and downwards once decided.
    const up = String(x[2]) < String(y[2]) ? -1 : 1;
    return x[0] === 0 ? up : -up;
  };
  ordered = rows.sort(compare).map((row) => row.id);
});
afterAll(() => t.close());

async function read(session: Session, path: string, query: string): Promise<ApplicationPage> {
  const response = await session.request({ method: "GET", url: `/api/v1/${path}?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const zone = (query: string) => read(superAdmin, "account-management/applications", query);
const queue = (query: string) => read(reviewer, "review/applications", query);
const ids = (items: Application[]) => items.map((application) => application.id);

/** Every page of a list, following `next` from the first page. */
const following = (
  list: (query: string) => Promise<ApplicationPage>,
  query: string,
  between: () => Promise<unknown> = async () => {},
): Promise<ApplicationPage[]> =>
  followingPages((after) => list(`${query}&pageSize=2${after ? `&after=${after}` : ""}`), between);

describe("keyset pages of the Applications zone", () => {
  it("next visits every application once, pending oldest first then decided latest first, and previous comes back page by page", async () => {
    const pages = await following(zone, "");
    expect(pages.flatMap((page) => ids(page.items))).toEqual(ordered);
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(pages[0]?.previous).toBeNull();
    expect(pages.at(-1)?.next).toBeNull();
    let back = pages.at(-1);
    for (let index = pages.length - 2; index >= 0; index--) {
      back = await zone(`pageSize=2&before=${back?.previous}`);
      expect(ids(back.items)).toEqual(ids(pages[index]?.items ?? []));
    }
    expect(back?.previous).toBeNull();
  });

  it("reads the first page the same by number and by cursor, and a page by number still pages on", async () => {
    const second = await zone("pageSize=5&page=2");
    expect(ids(second.items)).toEqual(ordered.slice(5, 10));
    expect(second.previous).not.toBeNull();
    const third = await zone(`pageSize=5&after=${second.next}`);
    expect(ids(third.items)).toEqual(ordered.slice(10, 15));
  });

  it("pages each status on its own", async () => {
    for (const status of ["pending", "approved", "rejected", "withdrawn"] as const) {
      const pages = await following(zone, `status=${status}`);
      const items = pages.flatMap((page) => page.items);
      expect(items.every((application) => application.status === status)).toBe(true);
      expect(ids(items)).toEqual(ordered.filter((id) => ids(items).includes(id)));
      expect(items.length).toBe(status === "pending" ? 6 : 2);
    }
  });

  it("neither repeats nor skips an application while others are filed and decided", async () => {
    let filed = 0;
    const pages = await following(zone, "status=pending", async () => {
      filed += 1;
      // One filed now (after every other: it comes at the end) and one dated before the pages read.
      await file(alpha, `Meanwhile ${filed}`, { requested: hour(30 + filed) });
      await file(alpha, `Backdated ${filed}`, { requested: hour(-1 - filed) });
    });
    const seen = pages.flatMap((page) => ids(page.items));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => ordered.includes(id))).toEqual(
      ordered.filter((id) => seen.includes(id)),
    );
    expect(ordered.slice(0, 6).every((id) => seen.includes(id))).toBe(true);
    await t.db.execute(
      sql`delete from ${applications} where ${applications.payload}->>'name' like 'Meanwhile %' or ${applications.payload}->>'name' like 'Backdated %'`,
    );
  });
});

describe("keyset pages of the review queue", () => {
  it("pages a partner's queue, a kind and a search the same way, each in the queue's order", async () => {
    const byPartner = await following(queue, `partnerId=${alpha.id}`);
    expect(byPartner.flatMap((page) => ids(page.items))).toEqual(ordered);
    const pending = await following(queue, `partnerId=${beta.id}&status=pending`);
    expect(pending.flatMap((page) => page.items).map((a) => a.payload.name)).toEqual([
      "Beta pending 0",
      "Beta pending 1",
    ]);
    const kind = await following(queue, `partnerId=${alpha.id}&kind=edit_datapoints`);
    expect(kind.flatMap((page) => page.items).map((a) => a.summary)).toHaveLength(1);
    const search = await following(queue, `q=decided%20APPROVED&partnerId=${alpha.id}`);
    expect(search.flatMap((page) => page.items).map((a) => a.payload.name)).toEqual([
      "Decided approved 0",
      "Decided approved 1",
    ]);
  });

  it("pages a search's few applications across pending and decided, forwards and back", async () => {
    for (const pageSize of [1, 2]) {
      const pages = await followingPages((after) =>
        queue(`q=BETA&pageSize=${pageSize}${after ? `&after=${after}` : ""}`),
      );
      const names = (items: Application[]) => items.map((a) => a.payload.name);
      expect(pages.flatMap((page) => names(page.items))).toEqual([
        "Beta pending 0",
        "Beta pending 1",
        "Beta approved",
      ]);
      expect(pages[0]?.total).toBe(3);
      let back = pages.at(-1);
      for (let index = pages.length - 2; index >= 0; index--) {
        back = await queue(`q=BETA&pageSize=${pageSize}&before=${back?.previous}`);
        expect(names(back.items)).toEqual(names(pages[index]?.items ?? []));
      }
      expect(back?.previous).toBeNull();
    }
  });

  it("shows how long each pending application has waited, and none for a decided one", async () => {
    const page = await queue(`partnerId=${beta.id}`);
    expect(page.items.map((a) => a.waitingSeconds)).toEqual([
      (14 * 24 + 1) * 3600,
      14 * 24 * 3600,
      null,
    ]);
  });
});

describe("searching the lists", () => {
  it("finds the account, its customer, a new account's names, the partner and the requester, in any case", async () => {
    const found = async (q: string) =>
      (await queue(`q=${encodeURIComponent(q)}&partnerId=${alpha.id}`)).total;
    expect(await found("HARBOUR")).toBe(1);
    expect(await found("tidewater")).toBe(1);
    expect(await found("pending 3 cust")).toBe(1);
    expect(await found("x")).toBe(0);
    expect(await found("%")).toBe(0);
    const [partner] = await t.db
      .select({ name: partners.name })
      .from(partners)
      .where(sql`${partners.id} = ${alpha.id}`);
    expect(await found(partner?.name.toLowerCase() ?? "")).toBe(ordered.length);
    const [requester] = await t.db
      .select({ name: users.name })
      .from(users)
      .where(sql`${users.id} = ${alpha.superAdmin.id}`);
    expect(await found(requester?.name ?? "")).toBe(ordered.length);
    // A SuperAdmin's search stays in the partner's portfolio.
    expect((await zone("q=beta%20pending")).total).toBe(0);
  });
});

describe("the total of a list of applications", () => {
  it("is exact up to 1,000 applications and says more than 1,000 past that", async () => {
    const big = await createPartner(t.db);
    const session = await signIn(t.app, big.superAdmin.email);
    const count = async (n: number) => {
      await t.db.execute(sql`
        insert into ${applications} (partner_id, kind, status, payload, requested_by, requested_at, decided_at)
        select ${big.id}, 'new_account', 'rejected', jsonb_build_object('name', 'Bulk ' || ${n} || '-' || i),
          ${big.superAdmin.id}, timestamptz '2000-01-01', timestamptz '2000-01-02'
        from generate_series(1, ${n}) as i`);
      return (
        await session.request({ method: "GET", url: "/api/v1/account-management/applications" })
      ).json();
    };
    expect(await count(1_000)).toMatchObject({ total: 1_000, totalExact: true });
    expect(await count(1)).toMatchObject({ total: 1_000, totalExact: false });
  });
});

describe("a cursor the list did not give", () => {
  const refused = async (query: string, field: string) => {
    const response = await reviewer.request({
      method: "GET",
      url: `/api/v1/review/applications?${query}`,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().code).toBe("VALIDATION_FAILED");
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  };
  const id = "6f1c2a7e-4b1d-4c3e-9f5a-2d8b7c6e5f40";
  const at = "2026-03-01 10:00:00.123456+00";

  it("is refused with 400, whatever was changed in it", async () => {
    await refused("after=not-a-cursor", "after");
    await refused(`before=${encodeCursor(["pending", "2026-02-30 10:00:00+00", id])}`, "before");
    await refused(`after=${encodeCursor(["pending", "0000-01-01 10:00:00+00", id])}`, "after");
    await refused(`after=${encodeCursor(["pending", "2026-03-01 24:00:00+00", id])}`, "after");
    await refused(`after=${encodeCursor(["pending", "2026-03-01 10:00:00+99", id])}`, "after");
    await refused(`after=${encodeCursor(["pending", "yesterday", id])}`, "after");
    await refused(`after=${encodeCursor(["pending", at, "not-an-id"])}`, "after");
    await refused(`after=${encodeCursor(["waiting", at, id])}`, "after");
    await refused(`after=${encodeCursor(["pending", at])}`, "after");
  });

  it("of another status is refused with 400: the page would not follow the list", async () => {
    const pending = await queue(`partnerId=${alpha.id}&status=pending&pageSize=2`);
    await refused(`status=approved&after=${pending.next}`, "after");
    await refused(`status=pending&after=${encodeCursor(["decided", at, id])}`, "after");
  });

  it("naming an application that is gone still pages from its place", async () => {
    const page = await queue(
      `partnerId=${alpha.id}&after=${encodeCursor(["pending", "2026-03-01 12:30:00+00", id])}&pageSize=100`,
    );
    expect(ids(page.items)).toEqual(ordered.slice(4));
  });
});

/** The reviewer a list's statement is planned for. */
const actor: CustomerSuccessActor = {
  kind: "customer_success",
  userId: "reviewer",
  name: "Reviewer",
  email: "reviewer@wattfolio.test",
  language: "en",
};

describe("the cost of a page", () => {
  const explain = (query: (tx: Database) => SQLWrapper | Promise<SQLWrapper>) =>
    queryPlan(t.db, query, { withoutSequentialScans: true });
  const plan = (query: Parameters<typeof listPartQuery>[2], part: "pending" | "decided") =>
    explain((tx) => listPartQuery(tx, actor, query, part));
  /** Takes the applications a test of plans filed back out of the queue the other tests read. */
  const forgetApplicationsOf = (portfolios: PartnerFixture[]) =>
    t.db.execute(
      sql`delete from ${applications} where ${applications.partnerId} in (${sql.join(
        portfolios.map((portfolio) => sql`${portfolio.id}::uuid`),
        sql`, `,
      )})`,
    );

  it("reads each part of each list through an index, in its order, without sorting", async () => {
    // Thousands of applications of eight partners, few of them approved, so that the plan is the
    // one at size; filed after, and decided before, every other test's of this file.
    const portfolios: PartnerFixture[] = [];
    for (const n of [0, 1, 2, 3, 4, 5, 6, 7]) {
      const portfolio = await createPartner(t.db);
      portfolios.push(portfolio);
      await t.db.execute(sql`
        insert into ${applications} (partner_id, kind, status, payload, requested_by, requested_at, decided_at)
        select ${portfolio.id}, 'new_account', s.status, jsonb_build_object('name', 'Bulk plan ' || i),
          ${portfolio.superAdmin.id}, timestamptz '2100-01-01' + (i * 8 + ${n}) * interval '1 minute',
          case when s.status = 'pending' then null
            else timestamptz '2000-01-01' + (i * 8 + ${n}) * interval '1 minute' end
        from generate_series(1, 500) as i,
          lateral (select case when i % 25 = 0 then 'approved'
            else (array['pending', 'rejected', 'withdrawn'])[1 + i % 3] end as status) as s`);
    }
    const bulk = portfolios[0] ?? alpha;
    await refreshStatistics(t.db, [applications]);
    try {
      // The tables still hold few rows next to a real portfolio: reading them whole is not wanted.
      const base = { page: 1, pageSize: 25 };
      const cases = [
        [{}, "pending", "applications_pending_idx"],
        [{}, "decided", "applications_decided_idx"],
        [{ partnerId: bulk.id }, "pending", "applications_partner_pending_idx"],
        [{ partnerId: bulk.id }, "decided", "applications_partner_decided_idx"],
        // The kind of the bulk: the statistics then hold thousands of it (a kind with a handful
        // would rightly be read and sorted).
        [{ kind: "new_account" }, "pending", "applications_kind_pending_idx"],
        [{ kind: "new_account" }, "decided", "applications_kind_decided_idx"],
        [{ status: "approved" }, "decided", "applications_status_decided_idx"],
      ] as const;
      for (const [filters, part, index] of cases) {
        const shown = await plan({ ...base, ...filters }, part);
        expect(shown, JSON.stringify(filters)).toMatch(new RegExp(`Index Scan.* using ${index} `));
        expect(shown, JSON.stringify(filters)).not.toMatch(/Sort|Seq Scan on applications/);
      }
      // A partner's approved applications are fewer than a page: the planner may read them by the
      // index of both filters and sort the few, or by either filter's index in order.
      const few = await plan({ ...base, status: "approved", partnerId: bulk.id }, "decided");
      expect(few).toMatch(
        /Index Scan.* (on|using) applications_(partner_status|partner|status)_decided_idx /,
      );
      expect(few).not.toMatch(/Seq Scan on applications/);
      // A search names the few applications of the accounts it finds, and those asked under such
      // a name, by the indexes on the account and on the asked names' trigrams (their letter
      // pairs for text of two letters); the page reads them by id.
      const naming = await explain((tx) => namingQuery(tx, actor, "harbour"));
      expect(naming).toMatch(/Index Scan (on|using) applications_account_idx/);
      expect(naming).toMatch(/Bitmap Index Scan on applications_asked_trigrams_idx/);
      expect(naming).not.toMatch(/Seq Scan on applications/);
      const short = await explain((tx) => namingQuery(tx, actor, "hb"));
      expect(short).toMatch(/Bitmap Index Scan on applications_search_pairs_idx/);
      expect(short).not.toMatch(/Seq Scan on applications/);
      // Its page names them in its own statement, by the same indexes, and sorts the few.
      for (const q of ["harbour", "hb"]) {
        const found = await explain((tx) => fewFoundQuery(tx, actor, { ...base, q }));
        expect(found, q).toMatch(/Index Scan (on|using) applications_account_idx/);
        expect(found, q).toMatch(
          q === "hb"
            ? /Bitmap Index Scan on applications_search_pairs_idx/
            : /Bitmap Index Scan on applications_asked_trigrams_idx/,
        );
        expect(found, q).not.toMatch(/Seq Scan on applications/);
      }
      const search = await plan({ ...base, q: "harbour" }, "decided");
      expect(search).toMatch(
        /Index (Only )?Scan.* (on|using) applications_(pkey|partner_id_id_key) /,
      );
      expect(search).not.toMatch(/Seq Scan on applications/);
      // What the approved applications of a page changed: read from the history by application,
      // not by going through every account's history.
      const approvedIds = (
        await t.db
          .select({ id: applications.id })
          .from(applications)
          .where(sql`${applications.status} = 'approved'`)
          .limit(25)
      ).map((row) => row.id);
      const applied = await explain(() => selectValues({ applied: changesAppliedBy(approvedIds) }));
      expect(applied).toMatch(/Index Scan.* (on|using) account_history_application_idx /);
    } finally {
      await forgetApplicationsOf(portfolios);
    }
  });

  it("counts a partner's list along its index, though another partner's thousands were filed first", async () => {
    // Nine in ten applications are the later partner's: the planner, taking them to be spread
    // evenly, would read the table from its start, through all of the earlier partner's first.
    const portfolios = [await createPartner(t.db), await createPartner(t.db)];
    for (const [n, partner] of portfolios.entries()) {
      await t.db.execute(sql`
        insert into ${applications} (partner_id, kind, status, payload, requested_by, requested_at,
          decided_at)
        select ${partner.id}, 'new_account', 'rejected', jsonb_build_object('name', 'Count plan ' || i),
          ${partner.superAdmin.id}, timestamptz '1998-01-01' + (i + ${n} * 20000) * interval '1 minute',
          timestamptz '1998-06-01' + (i + ${n} * 20000) * interval '1 minute'
        from generate_series(1, ${n === 0 ? 2000 : 18000}::int) as i`);
    }
    const later = portfolios[1];
    if (!later) throw new Error("no partner");
    // As autovacuum soon would: a count then reads the partner's index alone.
    await vacuumAndAnalyze(t.db, [applications]);
    try {
      const counted = (status?: "rejected") =>
        queryPlan(t.db, (tx) =>
          listCountQuery(tx, actor, { page: 1, pageSize: 25, partnerId: later.id, status }),
        );
      const every = await counted();
      expect(every).toMatch(/Index (Only )?Scan using applications_partner_\w+ /);
      expect(every).not.toMatch(/Seq Scan on applications/);
      // One status: along the partner's index of that status, not every partner's of it.
      const rejected = await counted("rejected");
      expect(rejected).toMatch(
        /Index (Only )?Scan using applications_partner_(status_)?decided_idx /,
      );
      expect(rejected).not.toMatch(/Seq Scan on applications|applications_status_\w+_idx/);
    } finally {
      await forgetApplicationsOf(portfolios);
    }
  });

  it("reads a partner's applications of one kind through the index of both", async () => {
    // A partner's new accounts decided among many more of another kind, and among another
    // partner's nine times as many applications: read by either filter's own index, the page
    // would be found among hundreds of rows.
    const portfolios = [await createPartner(t.db), await createPartner(t.db)];
    for (const [n, partner] of portfolios.entries()) {
      const account = await createAccount(t.db, partner.id, catalogue);
      await t.db.execute(sql`
        insert into ${applications} (partner_id, account_id, kind, status, payload, requested_by,
          requested_at, decided_at)
        select ${partner.id}, case when i % 5 = 0 then null else ${account.id}::uuid end,
          case when i % 5 = 0 then 'new_account' else 'buy_sms_credits' end, 'rejected',
          case when i % 5 = 0 then jsonb_build_object('name', 'Kind plan ' || i)
            else '{"credits": 100}'::jsonb end,
          ${partner.superAdmin.id}, timestamptz '1999-12-01' + (i * 2 + ${n}) * interval '1 minute',
          timestamptz '2000-01-01' + (i * 2 + ${n}) * interval '1 minute'
        from generate_series(1, ${n === 0 ? 600 : 5400}::int) as i`);
    }
    const [portfolio] = portfolios;
    if (!portfolio) throw new Error("no partner");
    await refreshStatistics(t.db, [applications]);
    try {
      const shown = await plan(
        { page: 1, pageSize: 25, partnerId: portfolio.id, kind: "new_account" },
        "decided",
      );
      expect(shown).toMatch(/Index Scan.* using applications_partner_kind_decided_idx /);
      expect(shown).not.toMatch(/Sort|Seq Scan on applications/);
    } finally {
      await forgetApplicationsOf(portfolios);
    }
  });
});
