import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiKey } from "../../shared/api/api-keys.ts";
import { KEY_VERIFICATION_TTL_MS } from "../../shared/domain/api-keys.ts";
import { apiKeys } from "../db/schema/index.ts";
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
let customerSuccess: Session;

const NOW = "2026-03-15T10:00:00Z";

beforeAll(async () => {
  t = await startTestApp({ now: NOW });
  catalogue = await createCatalogue(t.db);
  partner = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  customerSuccess = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
});
afterAll(() => t.close());

async function createKey(
  session: Session,
  body: { name?: string; accountId?: string } = {},
): Promise<{ key: ApiKey; secret: string }> {
  const response = await session.request({
    method: "POST",
    url: "/api/v1/api-keys",
    payload: { name: "Platform integration", ...body },
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

const withKey = (
  secret: string,
  options: InjectOptions,
  app = t.app,
): Promise<LightMyRequestResponse> =>
  app.inject({
    ...options,
    headers: { authorization: `Bearer ${secret}`, ...(options.headers ?? {}) },
  });

const usage = (secret: string, accountId: string, app = t.app) =>
  withKey(secret, { method: "GET", url: `/api/v1/usage/accounts/${accountId}` }, app);

async function listed(session: Session, query = ""): Promise<ApiKey[]> {
  const response = await session.request({ method: "GET", url: `/api/v1/api-keys?${query}` });
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

describe("creating a key", () => {
  it("shows the secret once and keeps only its hash", async () => {
    const { key, secret } = await createKey(superAdmin, { name: "EMP production" });
    expect(secret).toMatch(/^wfk_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({
      name: "EMP production",
      scope: "partner",
      partner: { id: partner.id },
      account: null,
      shownPart: secret.slice(0, 12),
      createdBy: { id: partner.superAdmin.id },
      createdAt: "2026-03-15T10:00:00.000Z",
      lastUsedAt: null,
      revokedAt: null,
    });
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row?.secretHash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(JSON.stringify(await listed(superAdmin))).not.toContain(secret);
  });

  it("lets a SuperAdmin name one of its accounts, and no other partner's", async () => {
    const account = await createAccount(t.db, partner.id, catalogue);
    const { key } = await createKey(superAdmin, { accountId: account.id });
    expect(key).toMatchObject({
      scope: "account",
      account: { id: account.id, name: account.name },
    });

    const other = await createPartner(t.db);
    const theirs = await createAccount(t.db, other.id, catalogue);
    const refused = await superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "Not mine", accountId: theirs.id },
    });
    expect(refused.statusCode).toBe(404);
  });

  it("makes Customer Success keys platform-wide", async () => {
    const { key } = await createKey(customerSuccess);
    expect(key).toMatchObject({ scope: "platform", partner: null, account: null });
    const account = await createAccount(t.db, partner.id, catalogue);
    const refused = await customerSuccess.request({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "One account", accountId: account.id },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: "accountId", message: expect.any(String) }]);
  });

  it("needs a name", async () => {
    const response = await superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "  " },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe("name");
  });
});

describe("what a key reaches", () => {
  it("a partner's key reaches every account of the partner and no other partner's", async () => {
    const { secret } = await createKey(superAdmin);
    const mine = await createAccount(t.db, partner.id, catalogue);
    expect((await usage(secret, mine.id)).statusCode).toBe(200);

    const other = await createPartner(t.db);
    const theirs = await createAccount(t.db, other.id, catalogue, { smsCredits: 10 });
    const url = `/api/v1/usage/accounts/${theirs.id}`;
    const attempts: InjectOptions[] = [
      { method: "GET", url },
      { method: "GET", url: `${url}/datapoints` },
      {
        method: "POST",
        url: `${url}/datapoints`,
        payload: { datapoints: [{ externalId: "x", name: "x", deviceName: "x", kind: "meter" }] },
      },
      { method: "POST", url: `${url}/datapoints/release`, payload: { externalIds: ["x"] } },
      { method: "POST", url: `${url}/sms-credits/spend`, payload: { credits: 1 } },
    ];
    for (const attempt of attempts) {
      const response = await withKey(secret, attempt);
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBe(404);
      expect(response.json().code).toBe("NOT_FOUND");
    }
  });

  it("a key for one account reaches only that account", async () => {
    const account = await createAccount(t.db, partner.id, catalogue);
    const sibling = await createAccount(t.db, partner.id, catalogue);
    const { secret } = await createKey(superAdmin, { accountId: account.id });
    expect((await usage(secret, account.id)).statusCode).toBe(200);
    expect((await usage(secret, sibling.id)).statusCode).toBe(404);
  });

  it("a platform-wide key reaches every partner's accounts", async () => {
    const { secret } = await createKey(customerSuccess);
    const other = await createPartner(t.db);
    for (const owner of [partner.id, other.id]) {
      const account = await createAccount(t.db, owner, catalogue);
      expect((await usage(secret, account.id)).statusCode).toBe(200);
    }
  });

  it("reaches nothing but the usage API and the event feed", async () => {
    const { secret } = await createKey(customerSuccess);
    const paths = (t.app as unknown as { swagger(): { paths: Record<string, object> } }).swagger()
      .paths;
    const routes = Object.entries(paths)
      .filter(
        ([path]) =>
          path.startsWith("/api/v1/") &&
          !path.startsWith("/api/v1/usage/") &&
          // Integrations poll the event feed with their key (its own tests cover its scope).
          path !== "/api/v1/events",
      )
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method, path })));
    expect(routes.length).toBeGreaterThan(10);
    const someId = "00000000-0000-4000-8000-000000000000";
    for (const { method, path } of routes) {
      const response = await withKey(secret, {
        method: method.toUpperCase() as InjectOptions["method"],
        url: path.replace(/\{[^}]+\}/g, someId),
        ...(method === "get" ? {} : { payload: {} }),
      });
      expect(response.statusCode, `${method.toUpperCase()} ${path}`).toBe(403);
    }
  });
});

describe("authenticating with a key", () => {
  it("refuses an unknown key or a malformed header with 401, as problem+json", async () => {
    const account = await createAccount(t.db, partner.id, catalogue);
    const unknown = await usage("wfk_not-a-key", account.id);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(unknown.json().code).toBe("UNAUTHENTICATED");
    for (const authorization of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer a b"]) {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/v1/usage/accounts/${account.id}`,
        headers: { authorization },
      });
      expect(response.statusCode, authorization).toBe(401);
    }
  });

  it("refuses a revoked key at once, and keeps it in the list as revoked", async () => {
    const account = await createAccount(t.db, partner.id, catalogue);
    const { key, secret } = await createKey(superAdmin);
    expect((await usage(secret, account.id)).statusCode).toBe(200);
    const revoked = await superAdmin.request({
      method: "POST",
      url: `/api/v1/api-keys/${key.id}/revoke`,
    });
    expect(revoked.json()).toMatchObject({
      revokedAt: "2026-03-15T10:00:00.000Z",
      revokedBy: { id: partner.superAdmin.id },
    });
    const refused = await usage(secret, account.id);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe("UNAUTHENTICATED");
    expect((await listed(superAdmin, "status=revoked")).map((k) => k.id)).toContain(key.id);
    expect((await listed(superAdmin, "status=active")).map((k) => k.id)).not.toContain(key.id);
  });

  it("is refused by another server within seconds of being revoked", async () => {
    const other = await startTestApp({ now: NOW, db: t.db });
    try {
      const account = await createAccount(t.db, partner.id, catalogue);
      const { key, secret } = await createKey(superAdmin);
      expect((await usage(secret, account.id, other.app)).statusCode).toBe(200);
      await superAdmin.request({ method: "POST", url: `/api/v1/api-keys/${key.id}/revoke` });
      other.clock.advance(KEY_VERIFICATION_TTL_MS);
      expect((await usage(secret, account.id, other.app)).statusCode).toBe(401);
    } finally {
      await other.app.close();
    }
  });

  it("refuses the keys of a suspended partner at once, and on another server within seconds, but not platform keys", async () => {
    const other = await startTestApp({ now: NOW, db: t.db });
    try {
      const suspended = await createPartner(t.db);
      const admin = await signIn(t.app, suspended.superAdmin.email);
      const account = await createAccount(t.db, suspended.id, catalogue);
      const partnerKey = await createKey(admin, { name: "Partner-wide" });
      const accountKey = await createKey(admin, { name: "One account", accountId: account.id });
      const platformKey = await createKey(customerSuccess, { name: "Platform" });
      for (const { secret } of [partnerKey, accountKey, platformKey]) {
        expect((await usage(secret, account.id)).statusCode).toBe(200);
        expect((await usage(secret, account.id, other.app)).statusCode).toBe(200);
      }
      const suspend = await customerSuccess.request({
        method: "POST",
        url: `/api/v1/partners/${suspended.id}/suspend`,
      });
      expect(suspend.statusCode).toBe(200);
      expect((await usage(partnerKey.secret, account.id)).statusCode).toBe(401);
      expect((await usage(accountKey.secret, account.id)).statusCode).toBe(401);
      other.clock.advance(KEY_VERIFICATION_TTL_MS);
      expect((await usage(partnerKey.secret, account.id, other.app)).statusCode).toBe(401);
      expect((await usage(accountKey.secret, account.id, other.app)).statusCode).toBe(401);
      expect((await usage(platformKey.secret, account.id)).statusCode).toBe(200);
      expect((await usage(platformKey.secret, account.id, other.app)).statusCode).toBe(200);
    } finally {
      await other.app.close();
    }
  });

  it("records when it was last used, to the minute, without writing on every request", async () => {
    const account = await createAccount(t.db, partner.id, catalogue);
    const { key, secret } = await createKey(superAdmin);
    const lastUsed = async () =>
      (await t.db.select().from(apiKeys).where(eq(apiKeys.id, key.id)))[0]?.lastUsedAt;
    try {
      await usage(secret, account.id);
      expect(await lastUsed()).toEqual(new Date(NOW));
      t.clock.advance(59_000);
      await usage(secret, account.id);
      expect(await lastUsed()).toEqual(new Date(NOW));
      t.clock.advance(1_000);
      await usage(secret, account.id);
      expect(await lastUsed()).toEqual(new Date("2026-03-15T10:01:00Z"));
      const [shown] = (await listed(superAdmin)).filter((k) => k.id === key.id);
      expect(shown?.lastUsedAt).toBe("2026-03-15T10:01:00.000Z");
    } finally {
      t.clock.set(NOW);
    }
  });
});

describe("the API keys page", () => {
  it("shows a SuperAdmin its partner's keys, keys in use first, and Customer Success every key", async () => {
    const own = await createPartner(t.db);
    const admin = await signIn(t.app, own.superAdmin.email);
    const older = await createKey(admin, { name: "Older" });
    t.clock.advance(60_000);
    const newer = await createKey(admin, { name: "Newer" });
    const revoked = await createKey(admin, { name: "Revoked" });
    await admin.request({ method: "POST", url: `/api/v1/api-keys/${revoked.key.id}/revoke` });
    t.clock.set(NOW);
    const platform = await createKey(customerSuccess, { name: "Platform" });

    expect((await listed(admin)).map((k) => k.name)).toEqual(["Newer", "Older", "Revoked"]);
    const everything = (await listed(customerSuccess, "pageSize=100")).map((k) => k.id);
    expect(everything).toEqual(
      expect.arrayContaining([older.key.id, newer.key.id, platform.key.id]),
    );
  });

  it("lets a SuperAdmin revoke only its partner's keys", async () => {
    const { key } = await createKey(customerSuccess);
    const response = await superAdmin.request({
      method: "POST",
      url: `/api/v1/api-keys/${key.id}/revoke`,
    });
    expect(response.statusCode).toBe(404);
  });
});
