/**
 * Keyset pages of the Active and Expired zones: following `next` visits every account once in the
 * zone's order and `previous` comes back the same way, for every sort, even where many accounts
 * share one end date; the total is exact up to 1,000; a cursor the list did not give is a 400.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  AccountPage,
  AccountSort,
  ZoneAccount,
  ZoneAccountPage,
} from "../../shared/api/accounts.ts";
import { encodeCursor } from "../../shared/domain/cursor.ts";
import { accounts } from "../db/schema/index.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createPartner,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { followingPages } from "../test/pages.ts";

let t: TestApp;
let catalogue: Catalogue;
let superAdmin: Session;

const NAMES = ["alba", "Bravo", "charlie", "Delta", "echo", "Foxtrot", "golf", "Hotel", "india"];

beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-15T10:00:00Z" });
  catalogue = await createCatalogue(t.db);
  const partner = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  // Nine active accounts, six of them ending on one day (ties), two licences, two expired.
  for (const [i, name] of NAMES.entries()) {
    await createAccount(t.db, partner.id, catalogue, {
      name: `${name} site`,
      customerName: `Customer ${i % 4}`,
      endsOn: i < 6 ? "2026-09-01" : `2027-0${i - 5}-01`,
      datapointsContracted: 100,
      datapointsUsed: (i * 37) % 100,
      licenceId: i % 2 === 0 ? catalogue.licenceId : catalogue.otherLicenceId,
    });
  }
  for (const name of ["Closed one", "Closed two"]) {
    await createAccount(t.db, partner.id, catalogue, { name, endsOn: "2026-01-01" });
  }
});
afterAll(() => t.close());

async function read(query: string): Promise<ZoneAccountPage> {
  const response = await superAdmin.request({
    method: "GET",
    url: `/api/v1/account-management/accounts?${query}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const names = (items: ZoneAccount[]) => items.map((account) => account.name);

/** Every page of a zone, following `next` from the first page. */
const following = (query: string): Promise<ZoneAccountPage[]> =>
  followingPages((after) => read(`${query}&pageSize=2${after ? `&after=${after}` : ""}`));

const SORTS: AccountSort[] = ["name", "customerName", "endsOn", "datapointsLeft", "licence"];

describe("keyset pages of a zone", () => {
  for (const sort of SORTS) {
    for (const order of ["asc", "desc"] as const) {
      it(`sorted by ${sort} (${order}): next visits every account once in the list's order, previous comes back page by page`, async () => {
        const query = `zone=active&sort=${sort}&order=${order}`;
        const whole = names((await read(`${query}&pageSize=100`)).items);
        expect(whole).toHaveLength(9);
        const pages = await following(query);
        expect(pages.flatMap((page) => names(page.items))).toEqual(whole);
        expect(pages.map((page) => page.items.length)).toEqual([2, 2, 2, 2, 1]);
        expect(pages.map((page) => page.total)).toEqual([9, 9, 9, 9, 9]);
        expect(pages[0]?.previous).toBeNull();
        expect(pages.at(-1)?.next).toBeNull();
        // Back from the last page, each page is the one that led to it.
        let back = pages.at(-1);
        for (let index = pages.length - 2; index >= 0; index--) {
          back = await read(`${query}&pageSize=2&before=${back?.previous}`);
          expect(names(back.items)).toEqual(names(pages[index]?.items ?? []));
          expect(back.total).toBe(9);
        }
        expect(back?.previous).toBeNull();
      });
    }
  }

  it("sorts as the list says: by name and customer regardless of case, by end date, by datapoints left, by licence", async () => {
    const firstOf = async (sort: string) =>
      (await read(`zone=active&sort=${sort}&pageSize=100`)).items;
    expect(names(await firstOf("name"))).toEqual(NAMES.map((name) => `${name} site`));
    const byCustomer = (await firstOf("customerName")).map((a) => a.customerName);
    expect(byCustomer).toEqual([...byCustomer].sort());
    const byEnd = (await firstOf("endsOn")).map((a) => a.endsOn);
    expect(byEnd).toEqual([...byEnd].sort());
    const left = (await firstOf("datapointsLeft")).map((a) => a.datapoints.left);
    expect(left).toEqual([...left].sort((a, b) => a - b));
    const byLicence = (await firstOf("licence")).map((a) => a.licence.name);
    expect(byLicence).toEqual([...byLicence].sort());
    expect(new Set(byLicence).size).toBe(2);
  });

  it("pages the expired zone and a filtered zone the same way", async () => {
    const expired = await following("zone=expired&sort=name");
    expect(expired.flatMap((page) => names(page.items))).toEqual(["Closed one", "Closed two"]);
    const search = await following("zone=active&q=ho&sort=endsOn");
    expect(search.flatMap((page) => names(page.items))).toEqual(["echo site", "Hotel site"]);
    const licence = await following(`zone=active&licenceId=${catalogue.otherLicenceId}`);
    expect(
      licence.flatMap((page) => page.items).every((a) => a.licence.id === catalogue.otherLicenceId),
    ).toBe(true);
  });
});

describe("the home list", () => {
  const home = async (query: string): Promise<AccountPage> => {
    const response = await superAdmin.request({ method: "GET", url: `/api/v1/accounts?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  for (const sort of SORTS) {
    it(`sorted by ${sort}: next visits the whole portfolio once, active and expired, and previous comes back`, async () => {
      const whole = (await home(`sort=${sort}&pageSize=100`)).items.map((a) => a.name);
      expect(whole).toHaveLength(11);
      const pages = await followingPages((after) =>
        home(`sort=${sort}&pageSize=3${after ? `&after=${after}` : ""}`),
      );
      expect(pages.flatMap((page) => page.items.map((a) => a.name))).toEqual(whole);
      expect(pages.map((page) => page.total)).toEqual([11, 11, 11, 11]);
      const back = await home(`sort=${sort}&pageSize=3&before=${pages[1]?.previous}`);
      expect(back.items.map((a) => a.name)).toEqual(whole.slice(0, 3));
      expect(back.previous).toBeNull();
    });
  }

  it("shows no pending applications: account users see none", async () => {
    const [first] = (await home("sort=name")).items;
    expect(first).toBeDefined();
    expect(first).not.toHaveProperty("pendingApplications");
  });
});

describe("searching a zone", () => {
  it("finds text anywhere in the name or the customer, in any case, from two letters on", async () => {
    expect(names((await read("zone=active&q=HO&sort=name")).items)).toEqual([
      "echo site",
      "Hotel site",
    ]);
    expect(names((await read("zone=active&q=x&sort=name")).items)).toEqual(["Foxtrot site"]);
    expect(names((await read("zone=active&q=trot%20si")).items)).toEqual(["Foxtrot site"]);
    expect((await read("zone=active&q=customer%203&sort=name")).total).toBe(2);
    expect((await read("zone=active&q=site%20alba")).total).toBe(0);
    expect((await read("zone=active&q=%25")).total).toBe(0);
  });

  it("finds accented letters in any case, as typed in Spanish", async () => {
    const partner = await createPartner(t.db);
    for (const name of ["Transportes Rápidos", "Logroño Centro", "Avila site"]) {
      await createAccount(t.db, partner.id, catalogue, { name, endsOn: "2027-01-01" });
    }
    const session = await signIn(t.app, partner.superAdmin.email);
    const found = async (q: string) => {
      const url = `/api/v1/account-management/accounts?zone=active&sort=name&q=${encodeURIComponent(q)}`;
      return names(
        ((await session.request({ method: "GET", url })).json() as ZoneAccountPage).items,
      );
    };
    expect(await found("RÁPIDOS")).toEqual(["Transportes Rápidos"]);
    expect(await found("logroÑo")).toEqual(["Logroño Centro"]);
    // An accent is a letter of its own: "á" does not find "a", nor "a" find "á".
    expect(await found("ávila")).toEqual([]);
    expect(await found("rapidos")).toEqual([]);
  });
});

describe("the total of a zone", () => {
  it("is exact up to 1,000 accounts and says more than 1,000 past that", async () => {
    const big = await createPartner(t.db);
    const count = async (n: number) => {
      await t.db.execute(sql`
        insert into ${accounts} (partner_id, name, customer_name, country, sector_code, licence_id, starts_on, ends_on, datapoints_contracted)
        select ${big.id}, 'Bulk ' || ${n} || '-' || i, 'Customer', 'ES', ${catalogue.sectorCode}, ${catalogue.licenceId},
          date '2026-01-01', date '2027-01-01', 100
        from generate_series(1, ${n}) as i`);
      const session = await signIn(t.app, big.superAdmin.email);
      const read = async (query: string) =>
        (
          await session.request({
            method: "GET",
            url: `/api/v1/account-management/accounts?${query}`,
          })
        ).json() as Promise<ZoneAccountPage>;
      // A search finding them all: read as few (up to 1,000) or in the list's order (past it).
      const search = await read("q=bulk&sort=name&pageSize=10");
      const next = await read(`q=bulk&sort=name&pageSize=10&after=${search.next}`);
      const unsearched = await read("sort=name&pageSize=20");
      expect(names([...search.items, ...next.items])).toEqual(names(unsearched.items));
      return { list: await read(""), search };
    };
    const upTo = await count(1_000);
    expect(upTo.list).toMatchObject({ total: 1_000, totalExact: true });
    expect(upTo.search).toMatchObject({ total: 1_000, totalExact: true });
    const past = await count(1);
    expect(past.list).toMatchObject({ total: 1_000, totalExact: false });
    expect(past.search).toMatchObject({ total: 1_000, totalExact: false });
  });
});

describe("a cursor the list did not give", () => {
  const refused = async (query: string, field: string) => {
    const response = await superAdmin.request({
      method: "GET",
      url: `/api/v1/account-management/accounts?zone=active&${query}`,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().code).toBe("VALIDATION_FAILED");
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  };
  const id = "6f1c2a7e-4b1d-4c3e-9f5a-2d8b7c6e5f40";

  it("is refused with 400, whatever was changed in it", async () => {
    await refused("after=not-a-cursor", "after");
    await refused(`before=${encodeCursor(["endsOn", "2026-02-30", id])}`, "before");
    await refused(`after=${encodeCursor(["endsOn", "0000-01-01", id])}`, "after");
    await refused(`after=${encodeCursor(["datapointsLeft", "1e9", id])}`, "after");
    await refused(`after=${encodeCursor(["datapointsLeft", "99999999999", id])}`, "after");
    await refused(`after=${encodeCursor(["name", "a\u0000b", id])}`, "after");
    await refused(`after=${encodeCursor(["licence", "Professional", id])}`, "after");
    await refused(`after=${encodeCursor(["endsOn", "2026-09-01", "not-an-id"])}`, "after");
    await refused(`after=${encodeCursor(["colour", "red", id])}`, "after");
    await refused(`after=${encodeCursor(["endsOn", "2026-09-01"])}`, "after");
  });

  it("of another sort is refused with 400: the page would not follow the list's order", async () => {
    const byName = await read("zone=active&sort=name&pageSize=2");
    await refused(`sort=endsOn&after=${byName.next}`, "after");
  });

  it("past the end of the list gives an empty page that still says how many the zone holds", async () => {
    const past = encodeCursor(["endsOn", "9999-12-31", id]);
    const page = await read(`zone=active&sort=endsOn&after=${past}`);
    expect(page).toMatchObject({ items: [], total: 9, totalExact: true, next: null });
  });

  it("naming an account that is gone still pages from its place", async () => {
    const next = encodeCursor(["endsOn", "2026-09-01", id]);
    const page = await read(`zone=active&sort=endsOn&after=${next}&pageSize=100`);
    expect(page.items.every((a) => a.endsOn >= "2026-09-01")).toBe(true);
    expect(page.items.length).toBeGreaterThan(3);
  });
});
