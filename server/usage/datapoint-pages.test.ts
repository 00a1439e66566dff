/**
 * Keyset pages of an account's datapoints, as the account page turns them: `next` visits every
 * datapoint once in the list's order (device, then name) and `previous` comes back the same way,
 * unfiltered, by kind and by device, even while datapoints are registered; the total is exact up
 * to 1,000; a cursor the list did not give is a 400; each page is a range of an index.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Datapoint, DatapointPage } from "../../shared/api/usage.ts";
import { encodeCursor } from "../../shared/domain/cursor.ts";
import { refreshStatistics } from "../db/client.ts";
import { accounts, datapoints } from "../db/schema/index.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createPartner,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { followingPages } from "../test/pages.ts";
import { queryPlan } from "../test/query-plan.ts";
import { datapointFilters, datapointPageQuery } from "./queries.ts";

let t: TestApp;
let catalogue: Catalogue;
let superAdmin: Session;
let accountId: string;

// Eleven datapoints on three devices, two kinds; names repeat across devices (ties broken by id).
const SEEDED = Array.from({ length: 11 }, (_, n) => ({
  externalId: `dp-${String(n).padStart(2, "0")}`,
  name: `Point ${n % 4}`,
  deviceName: ["Board B", "Board A", "Board C"][n % 3] ?? "",
  kind: n % 2 === 0 ? "meter" : "group",
}));

beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-15T10:00:00Z" });
  catalogue = await createCatalogue(t.db);
  const partner = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  accountId = (await createAccount(t.db, partner.id, catalogue, { datapointsContracted: 500 })).id;
  expect((await register(SEEDED)).statusCode).toBe(200);
});
afterAll(() => t.close());

function register(list: object[]) {
  return superAdmin.request({
    method: "POST",
    url: `/api/v1/usage/accounts/${accountId}/datapoints`,
    payload: { datapoints: list },
  });
}

async function read(query: string): Promise<DatapointPage> {
  const response = await superAdmin.request({
    method: "GET",
    url: `/api/v1/usage/accounts/${accountId}/datapoints?${query}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const ids = (items: Datapoint[]) => items.map((datapoint) => datapoint.externalId);

/** Every page of the list, following `next` from the first page. */
/** `meanwhile` runs once, after the first page. */
const following = (query: string, meanwhile?: () => Promise<unknown>) =>
  followingPages(
    (after) => read(`${query}&pageSize=3${after ? `&after=${after}` : ""}`),
    async (pagesRead) => {
      if (pagesRead === 1) await meanwhile?.();
    },
  );

describe("keyset pages of an account's datapoints", () => {
  for (const [what, query] of [
    ["unfiltered", "page=1"],
    ["of one kind", "kind=meter"],
    ["of one device", "device=Board%20A"],
    ["of one kind on one device", "kind=group&device=Board%20B"],
  ] as const) {
    it(`${what}: next visits every datapoint once in the list's order, previous comes back page by page`, async () => {
      const whole = (await read(`${query}&pageSize=100`)).items;
      const sorted = [...whole].sort(
        (a, b) =>
          (a.deviceName < b.deviceName ? -1 : a.deviceName > b.deviceName ? 1 : 0) ||
          (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      expect(ids(whole)).toEqual(ids(sorted));
      const pages = await following(query);
      expect(pages.flatMap((page) => ids(page.items))).toEqual(ids(whole));
      expect(pages[0]?.previous).toBeNull();
      expect(pages.at(-1)?.next).toBeNull();
      let back = pages.at(-1);
      for (let index = pages.length - 2; index >= 0; index--) {
        back = await read(`${query}&pageSize=3&before=${back?.previous}`);
        expect(ids(back.items)).toEqual(ids(pages[index]?.items ?? []));
      }
      expect(back?.previous).toBeNull();
    });
  }

  it("visits every datapoint once while others are registered behind the cursor and ahead of it", async () => {
    const before = ids((await read("kind=weather&pageSize=100")).items);
    expect(before).toEqual([]);
    const weather = (n: number, deviceName: string) => ({
      externalId: `w-${n}`,
      name: `Weather ${n}`,
      deviceName,
      kind: "weather",
    });
    await register([weather(1, "A"), weather(2, "B"), weather(3, "C"), weather(4, "D")]);
    const pages = await following("kind=weather", () =>
      register([weather(0, "0 first"), weather(9, "Z last")]),
    );
    // The one behind the cursor is not seen; the one ahead of it is, at its place.
    expect(pages.flatMap((page) => ids(page.items))).toEqual(["w-1", "w-2", "w-3", "w-4", "w-9"]);
  });

  it("keeps the first pages by number, and a page after them says where it came from", async () => {
    const second = await read("pageSize=3&page=2");
    const byCursor = await read(`pageSize=3&after=${(await read("pageSize=3")).next}`);
    expect(ids(second.items)).toEqual(ids(byCursor.items));
    expect(second.previous).not.toBeNull();
  });
});

describe("a cursor the datapoints did not give", () => {
  const refused = async (query: string, field: string) => {
    const response = await superAdmin.request({
      method: "GET",
      url: `/api/v1/usage/accounts/${accountId}/datapoints?${query}`,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().code).toBe("VALIDATION_FAILED");
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  };

  it("is refused with 400, whatever was changed in it", async () => {
    const id = "6f1c2a7e-4b1d-4c3e-9f5a-2d8b7c6e5f40";
    await refused("after=not-a-cursor", "after");
    await refused("before=not-a-cursor", "before");
    await refused(`after=${encodeCursor(["Board A", "Point 1", "not-an-id"])}`, "after");
    await refused(`after=${encodeCursor(["Board\u0000A", "Point 1", id])}`, "after");
    await refused(`before=${encodeCursor(["Board A", id])}`, "before");
    await refused(`after=${encodeCursor(["x".repeat(1001), "Point 1", id])}`, "after");
  });
});

describe("the total of an account's datapoints", () => {
  it("is exact up to 1,000 datapoints and says more than 1,000 past that", async () => {
    const partner = await createPartner(t.db);
    const big = await createAccount(t.db, partner.id, catalogue, { datapointsContracted: 5_000 });
    const session = await signIn(t.app, partner.superAdmin.email);
    const add = async (from: number, to: number) => {
      await t.db.execute(sql`
        insert into ${datapoints} (partner_id, account_id, external_id, name, device_name, kind, billable, registered_at)
        select ${partner.id}, ${big.id}, 'bulk-' || i, 'Bulk ' || i, 'Board ' || (i % 7), 'group', false, now()
        from generate_series(${from}::int, ${to}::int) as i`);
      return (
        await session.request({
          method: "GET",
          url: `/api/v1/usage/accounts/${big.id}/datapoints`,
        })
      ).json();
    };
    expect(await add(1, 1_000)).toMatchObject({ total: 1_000, totalExact: true });
    expect(await add(1_001, 1_001)).toMatchObject({ total: 1_000, totalExact: false });
  });
});

describe("the cost of a page of datapoints", () => {
  it("reads a range of an index in its order, and counts along it, for every filter the account page offers", async () => {
    const partner = await createPartner(t.db);
    const big = await createAccount(t.db, partner.id, catalogue, { datapointsContracted: 50_000 });
    await t.db.execute(sql`
      insert into ${datapoints} (partner_id, account_id, external_id, name, device_name, kind, billable, registered_at)
      select ${partner.id}, ${big.id}, 'plan-' || i, 'Point ' || i, 'Board ' || (i % 50),
        (array['meter', 'group', 'weather'])[1 + i % 3], i % 3 <> 1, now()
      from generate_series(1, 20000) as i`);
    await refreshStatistics(t.db, [datapoints, accounts]);
    const from = { deviceName: "Board 7", name: "Point 1007", id: big.id };
    const readings = [false, true].flatMap((backwards) =>
      [{}, { kind: "meter" as const }, { device: "Board 7" }].map((filter) => ({
        filter,
        backwards,
      })),
    );
    for (const { filter, backwards } of readings) {
      const list = { accountId: big.id, ...filter };
      const reading = { from, backwards, offset: 0, limit: 26 };
      const page = await queryPlan(t.db, datapointPageQuery(t.db, list, reading).getSQL());
      expect(page).toMatch(/Index Scan (Backward )?using datapoints_account_(device|kind)_idx/);
      expect(page).not.toMatch(/Sort|Seq Scan/);
      // Counted as the page counts it: along an index, though the account holds most of the
      // table (read from its start, the count would pass every other account's rows first).
      const counting = datapointFilters(list);
      const counted = await queryPlan(
        t.db,
        datapointPageQuery(t.db, list, { ...reading, counting }).getSQL(),
      );
      expect(counted).not.toMatch(/Seq Scan/);
    }
  });
});
