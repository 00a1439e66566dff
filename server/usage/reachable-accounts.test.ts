/**
 * An API key discovers the accounts it reaches, and an expired account's usage says it is closed
 * instead of offering datapoints it would refuse.
 */
import { eq, sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshStatistics } from "../db/client.ts";
import { accounts, partners } from "../db/schema/index.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
  type PartnerFixture,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { queryPlan } from "../test/query-plan.ts";
import { reachablePageQuery } from "./queries.ts";

let t: TestApp;
let catalogue: Catalogue;
let partner: PartnerFixture;
let superAdmin: Session;

beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-15T10:00:00Z" });
  catalogue = await createCatalogue(t.db);
  partner = await createPartner(t.db, { timeZone: "Europe/Madrid" });
  superAdmin = await signIn(t.app, partner.superAdmin.email);
});
afterAll(() => t.close());

async function keyFor(session: Session, accountId?: string) {
  const response = await session.request({
    method: "POST",
    url: "/api/v1/api-keys",
    payload: { name: "Gateway", ...(accountId ? { accountId } : {}) },
  });
  expect(response.statusCode, response.body).toBe(201);
  const { secret } = response.json();
  return (url: string): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${secret}` } });
}

describe("GET /api/v1/usage/accounts", () => {
  it("shows a partner's key every account of its partner, by name, with status and end date, and no other partner's", async () => {
    const own = await createPartner(t.db);
    const admin = await signIn(t.app, own.superAdmin.email);
    const active = await createAccount(t.db, own.id, catalogue, {
      name: "B active",
      endsOn: "2026-12-31",
    });
    const expired = await createAccount(t.db, own.id, catalogue, {
      name: "A expired",
      endsOn: "2026-03-01",
    });
    await createAccount(t.db, partner.id, catalogue, { name: "Someone else's" });
    const get = await keyFor(admin);

    const response = await get("/api/v1/usage/accounts");
    expect(response.statusCode).toBe(200);
    const partnerRef = { id: own.id, name: expect.any(String) };
    expect(response.json()).toEqual({
      items: [
        {
          id: expired.id,
          name: "A expired",
          partner: partnerRef,
          endsOn: "2026-03-01",
          status: "expired",
        },
        {
          id: active.id,
          name: "B active",
          partner: partnerRef,
          endsOn: "2026-12-31",
          status: "active",
        },
      ],
      page: 1,
      pageSize: 25,
      total: 2,
      totalExact: true,
      next: null,
      previous: null,
    });
    const onlyActive = await get("/api/v1/usage/accounts?status=active");
    expect(onlyActive.json()).toMatchObject({ items: [{ id: active.id }], total: 1 });
    const paged = await get("/api/v1/usage/accounts?pageSize=1&page=2");
    expect(paged.json()).toMatchObject({ items: [{ id: active.id }], total: 2, page: 2 });
  });

  it("shows an account's key its one account only", async () => {
    const account = await createAccount(t.db, partner.id, catalogue);
    await createAccount(t.db, partner.id, catalogue);
    const get = await keyFor(superAdmin, account.id);
    const response = await get("/api/v1/usage/accounts");
    expect(response.json()).toMatchObject({ items: [{ id: account.id }], total: 1 });
  });

  it("shows a platform key every partner's accounts", async () => {
    const cs = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
    const other = await createPartner(t.db);
    const account = await createAccount(t.db, other.id, catalogue);
    const get = await keyFor(cs);
    // On PostgreSQL other test files' accounts share the list: it is read to its end, by `next`.
    const reached: string[] = [];
    for (let url = "/api/v1/usage/accounts?pageSize=100"; ; ) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      const { items, next } = response.json();
      reached.push(...items.map((a: { id: string }) => a.id));
      if (!next) break;
      url = `/api/v1/usage/accounts?pageSize=100&after=${next}`;
    }
    expect(reached).toContain(account.id);
    expect(new Set(reached).size).toBe(reached.length);
  });

  it("pages by cursors: next visits every account once by name while accounts are added, previous comes back, Link says next", async () => {
    const own = await createPartner(t.db);
    const admin = await signIn(t.app, own.superAdmin.email);
    for (const name of ["Delta", "alpha", "Echo", "Bravo", "charlie"]) {
      await createAccount(t.db, own.id, catalogue, { name });
    }
    const get = await keyFor(admin);
    const names = (items: { name: string }[]) => items.map((a) => a.name);
    const whole = names((await get("/api/v1/usage/accounts?pageSize=100")).json().items);
    const pages = [];
    for (let url: string | undefined = "/api/v1/usage/accounts?pageSize=2"; url; ) {
      const response = await get(url);
      const page = response.json();
      pages.push(page);
      const link = response.headers.link;
      expect(typeof link === "string" ? link : null, "a Link header exactly when next").toBe(
        page.next ? `</api/v1/usage/accounts?pageSize=2&after=${page.next}>; rel="next"` : null,
      );
      url = typeof link === "string" ? link.slice(1, link.indexOf(">")) : undefined;
      // Behind the cursor: not seen; ahead of it: seen at its place.
      if (pages.length === 1) {
        await createAccount(t.db, own.id, catalogue, { name: "AAA first" });
        await createAccount(t.db, own.id, catalogue, { name: "zulu" });
      }
    }
    expect(pages.flatMap((page) => names(page.items))).toEqual([...whole, "zulu"]);
    expect(pages[0].previous).toBeNull();
    const last = pages.at(-1);
    expect(last.next).toBeNull();
    const back = (await get(`/api/v1/usage/accounts?pageSize=2&before=${last.previous}`)).json();
    expect(names(back.items)).toEqual(names(pages.at(-2).items));
  });

  it("refuses a cursor it did not give with 400", async () => {
    const get = await keyFor(superAdmin);
    for (const query of [
      "after=not-a-cursor",
      `before=${Buffer.from(JSON.stringify(["Name", "not-an-id"])).toString("base64url")}`,
      `after=${Buffer.from(JSON.stringify(["a\u0000b", "6f1c2a7e-4b1d-4c3e-9f5a-2d8b7c6e5f40"])).toString("base64url")}`,
    ]) {
      const response = await get(`/api/v1/usage/accounts?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
  });

  it("reads a page as a range of an index by name, both ways", async () => {
    const big = await createPartner(t.db);
    await t.db.execute(sql`
      insert into ${accounts} (partner_id, name, customer_name, country, sector_code, licence_id, starts_on, ends_on, datapoints_contracted)
      select ${big.id}, 'Site ' || lpad(n::text, 5, '0'), 'Customer', 'ES', ${catalogue.sectorCode}, ${catalogue.licenceId},
        date '2026-01-01', date '2027-01-01', 100
      from generate_series(1, 5000) as n`);
    await refreshStatistics(t.db, [accounts, partners]);
    const from = { name: "Site 02000", id: big.id };
    for (const backwards of [false, true]) {
      const query = reachablePageQuery(t.db, eq(accounts.partnerId, big.id), {
        from,
        backwards,
        offset: 0,
        limit: 51,
      }).getSQL();
      const plan = await queryPlan(t.db, query);
      expect(plan).toMatch(/Index Scan (Backward )?using accounts_(partner_)?name_idx/);
      expect(plan).not.toMatch(/Sort|Seq Scan on accounts/);
    }
  });

  it("answers 401 without a key", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/usage/accounts" });
    expect(response.statusCode).toBe(401);
  });
});

describe("usage of an expired account", () => {
  it("says it is closed and leaves nothing to use, as registering would refuse", async () => {
    const account = await createAccount(t.db, partner.id, catalogue, {
      endsOn: "2026-03-15",
      datapointsContracted: 300,
      datapointsUsed: 8,
      smsCredits: 40,
    });
    const get = await keyFor(superAdmin);
    const usage = await get(`/api/v1/usage/accounts/${account.id}`);
    expect(usage.json()).toMatchObject({
      status: "expired",
      closed: true,
      datapoints: { contracted: 300, used: 8, left: 0 },
      smsCredits: { left: 0 },
    });
  });

  it("an active account is open with what is left", async () => {
    const account = await createAccount(t.db, partner.id, catalogue, {
      endsOn: "2026-03-16",
      datapointsContracted: 300,
      datapointsUsed: 8,
    });
    const get = await keyFor(superAdmin);
    const usage = await get(`/api/v1/usage/accounts/${account.id}`);
    expect(usage.json()).toMatchObject({
      status: "active",
      closed: false,
      datapoints: { left: 292 },
    });
  });
});
