/**
 * An API key discovers the accounts it reaches, and an expired account's usage says it is closed
 * instead of offering datapoints it would refuse.
 */
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
  type PartnerFixture,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

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
    // On PostgreSQL other test files' accounts share the list: it is read to its end.
    const reached: string[] = [];
    for (let page = 1; ; page++) {
      const response = await get(`/api/v1/usage/accounts?pageSize=100&page=${page}`);
      expect(response.statusCode).toBe(200);
      const { items, total } = response.json();
      reached.push(...items.map((a: { id: string }) => a.id));
      if (items.length === 0 || reached.length >= total) break;
    }
    expect(reached).toContain(account.id);
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
