/**
 * The usage API as the platform calls it: registering, releasing, SMS credits, expiry, the
 * Idempotency-Key and reading usage. Longer than most files on purpose: the behaviours share one
 * set-up of keys and accounts, and the file reads top to bottom as the API's specification.
 */
import { and, count, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatapointToRegister } from "../../shared/domain/usage.ts";
import { accounts, datapoints, idempotencyKeys } from "../db/schema/index.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
  grantAccess,
  type PartnerFixture,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { forgetExpiredIdempotencyKeys } from "./idempotency.ts";

let t: TestApp;
let catalogue: Catalogue;
let partner: PartnerFixture;
let superAdmin: Session;
let customerSuccess: Session;
/** A key of the partner that reaches all its accounts. */
let key: Integration;

const NOW = "2026-03-15T10:00:00Z";

beforeAll(async () => {
  t = await startTestApp({ now: NOW });
  catalogue = await createCatalogue(t.db);
  partner = await createPartner(t.db, { timeZone: "Europe/Madrid" });
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  customerSuccess = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
  key = await createKey(superAdmin);
});
afterAll(() => t.close());

interface Integration {
  id: string;
  post(
    url: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
}

function integration(id: string, secret: string): Integration {
  const authorization = `Bearer ${secret}`;
  return {
    id,
    post: (url, body, headers = {}) =>
      t.app.inject({
        method: "POST",
        url,
        headers: { authorization, ...headers },
        payload: body as object,
      }),
    get: (url) => t.app.inject({ method: "GET", url, headers: { authorization } }),
  };
}

async function createKey(session: Session, accountId?: string): Promise<Integration> {
  const response = await session.request({
    method: "POST",
    url: "/api/v1/api-keys",
    payload: { name: "Platform integration", ...(accountId ? { accountId } : {}) },
  });
  expect(response.statusCode).toBe(201);
  const { key: created, secret } = response.json();
  return integration(created.id, secret);
}

const meter = (externalId: string, kind: DatapointToRegister["kind"] = "meter") => ({
  externalId,
  name: `Meter ${externalId}`,
  deviceName: "Main meter",
  kind,
});
const url = (accountId: string, path = "") => `/api/v1/usage/accounts/${accountId}${path}`;

async function newAccount(values: Partial<typeof accounts.$inferInsert> = {}) {
  return createAccount(t.db, partner.id, catalogue, {
    endsOn: "2027-01-01",
    datapointsContracted: 20,
    smsCredits: 100,
    ...values,
  });
}

async function stored(accountId: string) {
  const [account] = await t.db.select().from(accounts).where(eq(accounts.id, accountId));
  const [registered] = await t.db
    .select({ value: count() })
    .from(datapoints)
    .where(eq(datapoints.accountId, accountId));
  const [billable] = await t.db
    .select({ value: count() })
    .from(datapoints)
    .where(and(eq(datapoints.accountId, accountId), eq(datapoints.billable, true)));
  return {
    used: account?.datapointsUsed,
    smsCredits: account?.smsCredits,
    registered: registered?.value,
    billable: billable?.value,
  };
}

describe("registering datapoints", () => {
  it("registers a batch and counts only the billable kinds against the contract", async () => {
    const account = await newAccount();
    const response = await key.post(url(account.id, "/datapoints"), {
      datapoints: [
        meter("m-1"),
        meter("w-1", "weather"),
        meter("f-1", "forecasting"),
        meter("g-1", "group"),
        meter("d-1", "degree_days"),
      ],
    });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.registered.map((d: { externalId: string }) => d.externalId)).toEqual([
      "d-1",
      "f-1",
      "g-1",
      "m-1",
      "w-1",
    ]);
    expect(result.alreadyRegistered).toEqual([]);
    expect(result.datapoints).toEqual({ contracted: 20, used: 3, left: 17 });
    expect(await stored(account.id)).toMatchObject({ used: 3, registered: 5, billable: 3 });
  });

  it("does not count an external id twice when it is sent again", async () => {
    const account = await newAccount();
    await key.post(url(account.id, "/datapoints"), { datapoints: [meter("a"), meter("b")] });
    const again = await key.post(url(account.id, "/datapoints"), {
      datapoints: [meter("b"), meter("a"), meter("c")],
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      registered: [{ externalId: "c", billable: true }],
      alreadyRegistered: ["a", "b"],
      datapoints: { used: 3, left: 17 },
    });
    expect(await stored(account.id)).toMatchObject({ used: 3, registered: 3 });
  });

  it("refuses a batch that does not fit, registers none of it, and says how many are left", async () => {
    const account = await newAccount();
    const first = Array.from({ length: 18 }, (_, i) => meter(`dp-${i}`));
    expect((await key.post(url(account.id, "/datapoints"), { datapoints: first })).statusCode).toBe(
      200,
    );
    const tooMany = await key.post(url(account.id, "/datapoints"), {
      datapoints: [meter("dp-0"), meter("x-1"), meter("x-2"), meter("x-3"), meter("g", "group")],
    });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(tooMany.json()).toMatchObject({
      code: "QUOTA_EXCEEDED",
      datapointsLeft: 2,
      datapointsNeeded: 3,
    });
    expect(await stored(account.id)).toMatchObject({ used: 18, registered: 18 });

    const exactly = await key.post(url(account.id, "/datapoints"), {
      datapoints: [meter("x-1"), meter("x-2"), meter("g", "group")],
    });
    expect(exactly.json().datapoints).toEqual({ contracted: 20, used: 20, left: 0 });
    const full = await key.post(url(account.id, "/datapoints"), {
      datapoints: [meter("d", "derived"), meter("x-3")],
    });
    expect(full.json()).toMatchObject({ code: "QUOTA_EXCEEDED", datapointsLeft: 0 });
    const nonBillable = await key.post(url(account.id, "/datapoints"), {
      datapoints: [meter("d", "derived"), meter("c", "calculated")],
    });
    expect(nonBillable.statusCode).toBe(200);
    expect(await stored(account.id)).toMatchObject({ used: 20, registered: 23 });
  });

  it("takes 1 to 1,000 datapoints per request", async () => {
    const account = await newAccount({ datapointsContracted: 2000 });
    const batch = (n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => meter(`dp-${from + i}`));
    const none = await key.post(url(account.id, "/datapoints"), { datapoints: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([{ field: "datapoints", message: expect.any(String) }]);
    const over = await key.post(url(account.id, "/datapoints"), { datapoints: batch(1001) });
    expect(over.statusCode).toBe(400);
    expect(await stored(account.id)).toMatchObject({ used: 0, registered: 0 });

    const most = await key.post(url(account.id, "/datapoints"), { datapoints: batch(1000) });
    expect(most.statusCode).toBe(200);
    expect(most.json().datapoints).toEqual({ contracted: 2000, used: 1000, left: 1000 });
    const one = await key.post(url(account.id, "/datapoints"), { datapoints: batch(1, 1000) });
    expect(one.json().datapoints.used).toBe(1001);
  });

  it("says which datapoint of the batch is wrong and registers nothing", async () => {
    const account = await newAccount();
    const response = await key.post(url(account.id, "/datapoints"), {
      datapoints: [
        meter("ok"),
        { ...meter("bad-kind"), kind: "solar" },
        { ...meter("no-name"), name: "" },
        meter("ok"),
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual([
      "datapoints.1.kind",
      "datapoints.2.name",
      "datapoints.3.externalId",
    ]);
    expect(await stored(account.id)).toMatchObject({ used: 0, registered: 0 });
  });

  it("lets a SuperAdmin import datapoints from the web app, once per Idempotency-Key", async () => {
    const account = await newAccount();
    const importing = () =>
      superAdmin.request({
        method: "POST",
        url: url(account.id, "/datapoints"),
        headers: { "idempotency-key": "import-1" },
        payload: { datapoints: [meter("csv-1"), meter("csv-2", "virtual")] },
      });
    const response = await importing();
    expect(response.statusCode).toBe(200);
    expect(response.json().datapoints.used).toBe(2);
    const retry = await importing();
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json()).toEqual(response.json());
  });
});

describe("releasing datapoints", () => {
  it("frees the units at once, by id or by external id", async () => {
    const account = await newAccount();
    const registered = (
      await key.post(url(account.id, "/datapoints"), {
        datapoints: [meter("a"), meter("b"), meter("c"), meter("g", "group")],
      })
    ).json().registered as { id: string; externalId: string }[];
    const idOf = (externalId: string) => registered.find((d) => d.externalId === externalId)?.id;

    const response = await key.post(url(account.id, "/datapoints/release"), {
      ids: [idOf("a")],
      externalIds: ["b", "g"],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      released: [
        { externalId: "a", billable: true },
        { externalId: "b", billable: true },
        { externalId: "g", billable: false },
      ],
      notRegistered: { ids: [], externalIds: [] },
      datapoints: { used: 1, left: 19 },
    });
    expect(await stored(account.id)).toMatchObject({ used: 1, registered: 1 });
  });

  it("is harmless twice, and lists what is not registered", async () => {
    const account = await newAccount();
    await key.post(url(account.id, "/datapoints"), { datapoints: [meter("a")] });
    await key.post(url(account.id, "/datapoints/release"), { externalIds: ["a"] });
    const unknownId = "00000000-0000-4000-8000-000000000000";
    const again = await key.post(url(account.id, "/datapoints/release"), {
      ids: [unknownId],
      externalIds: ["a"],
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      released: [],
      notRegistered: { ids: [unknownId], externalIds: ["a"] },
      datapoints: { used: 0 },
    });
  });

  it("does not release another account's datapoints named by id", async () => {
    const mine = await newAccount();
    const other = await newAccount();
    const [theirs] = (
      await key.post(url(other.id, "/datapoints"), { datapoints: [meter("a")] })
    ).json().registered;
    const response = await key.post(url(mine.id, "/datapoints/release"), { ids: [theirs.id] });
    expect(response.json().notRegistered.ids).toEqual([theirs.id]);
    expect(await stored(other.id)).toMatchObject({ used: 1, registered: 1 });
  });

  it("needs at least one datapoint named", async () => {
    const account = await newAccount();
    const response = await key.post(url(account.id, "/datapoints/release"), {});
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe("ids");
  });
});

describe("SMS credits", () => {
  it("are spent from the balance and refused with the balance when not enough", async () => {
    const account = await newAccount({ smsCredits: 100 });
    const spent = await key.post(url(account.id, "/sms-credits/spend"), { credits: 30 });
    expect(spent.statusCode).toBe(200);
    expect(spent.json()).toEqual({ spent: 30, smsCredits: { left: 70 } });

    const tooMany = await key.post(url(account.id, "/sms-credits/spend"), { credits: 71 });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({ code: "INSUFFICIENT_SMS_CREDITS", smsCreditsLeft: 70 });
    expect(await stored(account.id)).toMatchObject({ smsCredits: 70 });

    const usage = await key.get(url(account.id));
    expect(usage.json().smsCredits).toEqual({ contracted: 100, used: 30, left: 70 });
  });

  it("are spent only by integrations", async () => {
    const account = await newAccount();
    const response = await superAdmin.request({
      method: "POST",
      url: url(account.id, "/sms-credits/spend"),
      payload: { credits: 1 },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe("an expired account", () => {
  it("accepts no new datapoints and no SMS spending, but still releases and reads", async () => {
    const account = await newAccount({ endsOn: "2026-03-15" });
    await t.db.insert(datapoints).values({
      partnerId: partner.id,
      accountId: account.id,
      externalId: "old",
      name: "Old meter",
      deviceName: "Main meter",
      kind: "meter",
      billable: true,
      registeredAt: new Date("2026-01-01T00:00:00Z"),
    });
    await t.db.update(accounts).set({ datapointsUsed: 1 }).where(eq(accounts.id, account.id));

    const register = await key.post(url(account.id, "/datapoints"), { datapoints: [meter("new")] });
    expect(register.statusCode).toBe(409);
    expect(register.json()).toMatchObject({ code: "ACCOUNT_EXPIRED", endsOn: "2026-03-15" });
    const sms = await key.post(url(account.id, "/sms-credits/spend"), { credits: 1 });
    expect(sms.json()).toMatchObject({ code: "ACCOUNT_EXPIRED" });

    const usage = await key.get(url(account.id));
    expect(usage.json()).toMatchObject({ status: "expired", datapoints: { used: 1 } });
    const release = await key.post(url(account.id, "/datapoints/release"), {
      externalIds: ["old"],
    });
    expect(release.json().datapoints.used).toBe(0);
    expect(await stored(account.id)).toMatchObject({ used: 0, registered: 0, smsCredits: 100 });
  });

  it("expires at the start of its end date in the partner's time zone", async () => {
    const account = await newAccount({ endsOn: "2026-03-16" });
    try {
      t.clock.set("2026-03-15T22:59:00Z"); // 23:59 on the 15th in Madrid
      expect((await key.get(url(account.id))).json().status).toBe("active");
      const before = await key.post(url(account.id, "/datapoints"), { datapoints: [meter("a")] });
      expect(before.statusCode).toBe(200);

      t.clock.set("2026-03-15T23:00:00Z"); // midnight in Madrid, still the 15th in UTC
      expect((await key.get(url(account.id))).json().status).toBe("expired");
      const after = await key.post(url(account.id, "/datapoints"), { datapoints: [meter("b")] });
      expect(after.json().code).toBe("ACCOUNT_EXPIRED");
    } finally {
      t.clock.set(NOW);
    }
  });
});

describe("Idempotency-Key", () => {
  it("answers a retry with the first answer, without registering again", async () => {
    const account = await newAccount();
    const body = { datapoints: [meter("a"), meter("b")] };
    const headers = { "idempotency-key": "register-1" };
    const first = await key.post(url(account.id, "/datapoints"), body, headers);
    expect(first.statusCode).toBe(200);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    // Meanwhile one of them is released: a real second registration would register it again.
    await key.post(url(account.id, "/datapoints/release"), { externalIds: ["a"] });

    const retry = await key.post(url(account.id, "/datapoints"), body, headers);
    expect(retry.statusCode).toBe(200);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json()).toEqual(first.json());
    expect(await stored(account.id)).toMatchObject({ used: 1, registered: 1 });
  });

  it("refuses the same key with another request, and changes nothing", async () => {
    const account = await newAccount();
    const headers = { "idempotency-key": "spend-1" };
    await key.post(url(account.id, "/sms-credits/spend"), { credits: 10 }, headers);
    const other = await key.post(url(account.id, "/sms-credits/spend"), { credits: 20 }, headers);
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    const elsewhere = await key.post(
      url(account.id, "/datapoints"),
      { datapoints: [meter("a")] },
      headers,
    );
    expect(elsewhere.statusCode).toBe(422);
    expect(await stored(account.id)).toMatchObject({ smsCredits: 90, registered: 0 });
  });

  it("replays a spending even when the balance would not allow it again", async () => {
    const account = await newAccount({ smsCredits: 10 });
    const headers = { "idempotency-key": "all-of-it" };
    const first = await key.post(url(account.id, "/sms-credits/spend"), { credits: 10 }, headers);
    const retry = await key.post(url(account.id, "/sms-credits/spend"), { credits: 10 }, headers);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(await stored(account.id)).toMatchObject({ smsCredits: 0 });
  });

  it("does not keep refusals: a retry after the balance grew goes through", async () => {
    const account = await newAccount({ smsCredits: 5 });
    const headers = { "idempotency-key": "later" };
    const refused = await key.post(url(account.id, "/sms-credits/spend"), { credits: 8 }, headers);
    expect(refused.statusCode).toBe(409);
    await t.db.update(accounts).set({ smsCredits: 50 }).where(eq(accounts.id, account.id));
    const retry = await key.post(url(account.id, "/sms-credits/spend"), { credits: 8 }, headers);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().smsCredits.left).toBe(42);
  });

  it("is scoped by API key: another key may use the same value", async () => {
    const account = await newAccount();
    const otherKey = await createKey(superAdmin);
    const headers = { "idempotency-key": "shared-value" };
    await key.post(url(account.id, "/datapoints"), { datapoints: [meter("a")] }, headers);
    const other = await otherKey.post(
      url(account.id, "/datapoints"),
      { datapoints: [meter("b")] },
      headers,
    );
    expect(other.statusCode).toBe(200);
    expect(other.headers["idempotent-replayed"]).toBeUndefined();
    expect(await stored(account.id)).toMatchObject({ used: 2 });
  });

  it("is kept for a day, then forgotten", async () => {
    const account = await newAccount();
    const headers = { "idempotency-key": "yesterday" };
    await key.post(url(account.id, "/datapoints/release"), { externalIds: ["x"] }, headers);
    try {
      t.clock.set("2026-03-16T10:00:01Z");
      const reused = await key.post(
        url(account.id, "/datapoints/release"),
        { externalIds: ["y"] },
        headers,
      );
      expect(reused.statusCode).toBe(200);
      expect(reused.headers["idempotent-replayed"]).toBeUndefined();
    } finally {
      t.clock.set(NOW);
    }
  });

  it("is refused when longer than 255 characters", async () => {
    const account = await newAccount();
    const response = await key.post(
      url(account.id, "/datapoints"),
      { datapoints: [meter("a")] },
      { "idempotency-key": "k".repeat(256) },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe("idempotency-key");
  });

  it("forgets records past their day in bounded batches, and keeps the younger ones", async () => {
    // Far in the past, so that forgetting touches no other test's records on a shared database.
    const account = await newAccount({ endsOn: "2030-01-01" });
    const release = (value: string) =>
      key.post(
        url(account.id, "/datapoints/release"),
        { externalIds: [value] },
        { "idempotency-key": value },
      );
    try {
      t.clock.set("2020-01-01T00:00:00Z");
      for (const value of ["old-1", "old-2", "old-3"]) await release(value);
      t.clock.set("2020-01-02T12:00:00Z");
      await release("young");
    } finally {
      t.clock.set(NOW);
    }
    const kept = async () =>
      (await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.apiKeyId, key.id)))
        .map((record) => record.key)
        .filter((value) => value === "young" || value.startsWith("old-"));
    const now = new Date("2020-01-03T00:00:00Z");
    expect(await forgetExpiredIdempotencyKeys(t.db, now, 2)).toBe(2);
    expect(await kept()).toHaveLength(2);
    while ((await forgetExpiredIdempotencyKeys(t.db, now, 2)) === 2);
    expect(await kept()).toEqual(["young"]);
    await forgetExpiredIdempotencyKeys(t.db, now, 2);
    expect(await kept()).toEqual(["young"]);
  });
});

describe("reading usage", () => {
  it("shows contracted, used and left for each entitlement", async () => {
    const account = await newAccount({ datapointsContracted: 50, smsCredits: 200 });
    await key.post(url(account.id, "/datapoints"), {
      datapoints: [meter("a"), meter("b"), meter("g", "group")],
    });
    await key.post(url(account.id, "/sms-credits/spend"), { credits: 15 });
    const usage = await key.get(url(account.id));
    expect(usage.statusCode).toBe(200);
    expect(usage.json()).toEqual({
      account: { id: account.id, name: account.name },
      status: "active",
      closed: false,
      endsOn: "2027-01-01",
      datapoints: { contracted: 50, used: 2, left: 48 },
      smsCredits: { contracted: 200, used: 15, left: 185 },
    });
  });

  it("is open to the people who can see the account, and to no one else", async () => {
    const account = await newAccount();
    const user = await signIn(t.app, partner.accountUser.email);
    expect((await user.request({ method: "GET", url: url(account.id) })).statusCode).toBe(404);
    await grantAccess(t.db, partner.id, account.id, partner.accountUser.id);
    expect((await user.request({ method: "GET", url: url(account.id) })).statusCode).toBe(200);
    expect((await superAdmin.request({ method: "GET", url: url(account.id) })).statusCode).toBe(
      200,
    );
    expect(
      (await customerSuccess.request({ method: "GET", url: url(account.id) })).statusCode,
    ).toBe(200);
    const other = await createPartner(t.db);
    const otherAdmin = await signIn(t.app, other.superAdmin.email);
    expect((await otherAdmin.request({ method: "GET", url: url(account.id) })).statusCode).toBe(
      404,
    );
  });

  it("lists the datapoints by device then name, paged and filtered by kind and device", async () => {
    const account = await newAccount();
    await key.post(url(account.id, "/datapoints"), {
      datapoints: [
        { externalId: "1", name: "Flow", deviceName: "Chiller", kind: "meter" },
        { externalId: "2", name: "Power", deviceName: "Boiler", kind: "meter" },
        { externalId: "3", name: "Efficiency", deviceName: "Chiller", kind: "calculated" },
        { externalId: "4", name: "Temperature", deviceName: "Boiler", kind: "weather" },
        { externalId: "5", name: "All", deviceName: "Boiler", kind: "group" },
      ],
    });
    const list = async (query: string) => {
      const response = await superAdmin.request({
        method: "GET",
        url: `${url(account.id, "/datapoints")}?${query}`,
      });
      expect(response.statusCode).toBe(200);
      return response.json() as { items: { name: string; kind: string }[]; total: number };
    };
    const first = await list("pageSize=2&page=1");
    const rest = await list("pageSize=2&page=2");
    expect(first.total).toBe(5);
    expect([...first.items, ...rest.items].map((d) => d.name)).toEqual([
      "All",
      "Power",
      "Temperature",
      "Efficiency",
    ]);
    expect((await list("kind=meter")).items.map((d) => d.name)).toEqual(["Power", "Flow"]);
    expect((await list("device=Chiller")).items.map((d) => d.name)).toEqual(["Efficiency", "Flow"]);
    expect((await list("device=Chiller&kind=meter")).total).toBe(1);
    const bad = await superAdmin.request({
      method: "GET",
      url: `${url(account.id, "/datapoints")}?kind=solar&pageSize=500`,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["kind", "pageSize"]);
  });
});
