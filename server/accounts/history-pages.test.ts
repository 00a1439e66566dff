/**
 * Keyset pages of an account's history, newest first: following `next` visits every entry once
 * even while new ones are written, `previous` comes back page by page, the total is exact up to
 * 1,000, a cursor the history did not give is a 400, and a page is a range of the index
 * (account, seq) however long the history has grown.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HistoryEntry } from "../../shared/api/applications.ts";
import type { KeysetPage } from "../../shared/api/common.ts";
import { encodeCursor } from "../../shared/domain/cursor.ts";
import { refreshStatistics } from "../db/client.ts";
import { accountHistory } from "../db/schema/index.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createPartner,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { followingPages } from "../test/pages.ts";
import { queryPlan } from "../test/query-plan.ts";
import { historyPageQuery } from "./history.ts";

let t: TestApp;
let catalogue: Catalogue;
let partner: Awaited<ReturnType<typeof createPartner>>;
let superAdmin: Session;

beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-15T10:00:00Z" });
  catalogue = await createCatalogue(t.db);
  partner = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
});
afterAll(() => t.close());

/** Writes `count` entries into the account's history, numbered from `from`, in that order. */
async function write(accountId: string, from: number, count: number) {
  await t.db.execute(sql`
    insert into ${accountHistory} (partner_id, account_id, event, occurred_at, comment)
    select ${partner.id}, ${accountId}, 'created', now(), 'Entry ' || i
    from generate_series(${from}::int, ${from + count - 1}::int) as i order by i`);
}

async function newAccount() {
  return (await createAccount(t.db, partner.id, catalogue)).id;
}

async function read(accountId: string, query: string): Promise<KeysetPage<HistoryEntry>> {
  const response = await superAdmin.request({
    method: "GET",
    url: `/api/v1/accounts/${accountId}/history?${query}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const comments = (items: HistoryEntry[]) => items.map((entry) => entry.comment);

describe("keyset pages of an account's history", () => {
  it("follows next through every entry once, newest first, while new entries are written", async () => {
    const account = await newAccount();
    await write(account, 1, 7);
    const pages = await followingPages(
      (after) => read(account, `pageSize=3${after ? `&after=${after}` : ""}`),
      // Entries written meanwhile are newer than every page left to read: none of them shows up.
      (pagesRead) => write(account, 100 + pagesRead, 1),
    );
    expect(pages.flatMap((page) => comments(page.items))).toEqual(
      [7, 6, 5, 4, 3, 2, 1].map((n) => `Entry ${n}`),
    );
    expect(pages.map((page) => page.items.length)).toEqual([3, 3, 1]);
    expect(pages[0]?.previous).toBeNull();
    expect(pages.at(-1)?.next).toBeNull();

    // Back from the last page: each page is the one that led to it, then the entries written since.
    const second = await read(account, `pageSize=3&before=${pages[2]?.previous}`);
    expect(comments(second.items)).toEqual(comments(pages[1]?.items ?? []));
    const first = await read(account, `pageSize=3&before=${second.previous}`);
    expect(comments(first.items)).toEqual(comments(pages[0]?.items ?? []));
    const newest = await read(account, `pageSize=3&before=${first.previous}`);
    expect(comments(newest.items)).toEqual(["Entry 102", "Entry 101"]);
    expect(newest.previous).toBeNull();
  });

  it("keeps the first pages by number", async () => {
    const account = await newAccount();
    await write(account, 1, 5);
    const second = await read(account, "pageSize=2&page=2");
    expect(comments(second.items)).toEqual(["Entry 3", "Entry 2"]);
    expect(second.previous).not.toBeNull();
    expect(second.next).not.toBeNull();
  });

  it("counts exactly up to 1,000 entries and says more than 1,000 past that", async () => {
    const account = await newAccount();
    await write(account, 1, 1_000);
    expect(await read(account, "")).toMatchObject({ total: 1_000, totalExact: true });
    await write(account, 1_001, 1);
    expect(await read(account, "")).toMatchObject({ total: 1_000, totalExact: false });
  });

  it("refuses a cursor it did not give with 400", async () => {
    const account = await newAccount();
    for (const [field, cursor] of [
      ["after", "not-a-cursor"],
      ["before", encodeCursor(["-1"])],
      ["after", encodeCursor(["1e9"])],
      ["after", encodeCursor(["99999999999999999999"])],
      ["after", encodeCursor(["12", "34"])],
    ] as const) {
      const response = await superAdmin.request({
        method: "GET",
        url: `/api/v1/accounts/${account}/history?${field}=${cursor}`,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it("reads a page as a range of the index on (account, seq), both ways", async () => {
    const account = await newAccount();
    const other = await newAccount();
    await write(account, 1, 5_000);
    await write(other, 1, 5_000);
    await refreshStatistics(t.db, [accountHistory]);
    for (const backwards of [false, true]) {
      const query = historyPageQuery(t.db, account, {
        from: 2_000,
        backwards,
        offset: 0,
        limit: 11,
      }).getSQL();
      const plan = await queryPlan(t.db, query);
      expect(plan).toMatch(/Index Scan (Backward )?using account_history_account_idx/);
      expect(plan).not.toMatch(/Sort|Seq Scan on account_history/);
    }
  });
});
