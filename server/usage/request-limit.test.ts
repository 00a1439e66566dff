import { count, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/client.ts";
import { datapoints } from "../db/schema/index.ts";
import {
  createAccount,
  createCatalogue,
  createPartner,
  type PartnerFixture,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

/** Two instances on one database, as behind a load balancer; the limit is theirs together. */
let first: TestApp;
let second: TestApp;
let closeSecondDatabase = async () => {};
let partner: PartnerFixture;
let superAdmin: Session;
let accountId: string;

const NOW = "2026-03-15T10:00:15Z";
const config = { API_KEY_REQUESTS_PER_MINUTE: "10" };

beforeAll(async () => {
  first = await startTestApp({ isolated: true, now: NOW, config });
  if (first.databaseUrl) {
    const database = await openDatabase({ kind: "postgres", url: first.databaseUrl, poolSize: 5 });
    closeSecondDatabase = database.close;
    second = await startTestApp({ db: database.db, now: NOW, config });
  } else {
    second = await startTestApp({ db: first.db, now: NOW, config });
  }
  partner = await createPartner(first.db);
  superAdmin = await signIn(first.app, partner.superAdmin.email);
  accountId = (await createAccount(first.db, partner.id, await createCatalogue(first.db))).id;
});
afterAll(async () => {
  await second.close();
  await closeSecondDatabase();
  await first.close();
});

async function newKey(): Promise<string> {
  const response = await superAdmin.request({
    method: "POST",
    url: "/api/v1/api-keys",
    payload: { name: "Platform integration" },
  });
  expect(response.statusCode).toBe(201);
  return response.json().secret;
}

const read = (app: FastifyInstance, secret: string) =>
  app.inject({
    method: "GET",
    url: `/api/v1/usage/accounts/${accountId}`,
    headers: { authorization: `Bearer ${secret}` },
  });

describe("the usage API's request limit per API key", () => {
  it("counts one key's requests on every instance together, and says what is left", async () => {
    const secret = await newKey();
    const remaining: string[] = [];
    for (let i = 0; i < 10; i++) {
      const response = await read(i % 2 === 0 ? first.app : second.app, secret);
      expect(response.statusCode).toBe(200);
      expect(response.headers["ratelimit-limit"]).toBe("10");
      expect(response.headers["ratelimit-reset"]).toBe("45");
      remaining.push(String(response.headers["ratelimit-remaining"]));
    }
    expect(remaining).toEqual(["9", "8", "7", "6", "5", "4", "3", "2", "1", "0"]);

    const refused = await read(second.app, secret);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    expect(refused.headers).toMatchObject({
      "ratelimit-limit": "10",
      "ratelimit-remaining": "0",
      "ratelimit-reset": "45",
      "retry-after": "45",
    });

    // Another key is not held back, nor are people signed in.
    expect((await read(first.app, await newKey())).statusCode).toBe(200);
    const page = await superAdmin.request({
      method: "GET",
      url: `/api/v1/usage/accounts/${accountId}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers["ratelimit-limit"]).toBeUndefined();

    // The next minute starts afresh.
    first.clock.advance(45_000);
    second.clock.advance(45_000);
    const next = await read(second.app, secret);
    expect(next.statusCode).toBe(200);
    expect(next.headers["ratelimit-remaining"]).toBe("9");
    expect(next.headers["ratelimit-reset"]).toBe("60");
  });

  it("changes nothing when it refuses a request", async () => {
    const secret = await newKey();
    for (let i = 0; i < 10; i++) expect((await read(first.app, secret)).statusCode).toBe(200);
    const refused = await first.app.inject({
      method: "POST",
      url: `/api/v1/usage/accounts/${accountId}/datapoints`,
      headers: { authorization: `Bearer ${secret}` },
      payload: {
        datapoints: [
          { externalId: "m-limit", name: "Main meter", deviceName: "Gateway", kind: "meter" },
        ],
      },
    });
    expect(refused.statusCode).toBe(429);
    const [registered] = await first.db
      .select({ value: count() })
      .from(datapoints)
      .where(eq(datapoints.externalId, "m-limit"));
    expect(registered?.value).toBe(0);
  });

  it("lets no more than the limit through across instances, though each takes its share at a time", async () => {
    const busy = { API_KEY_REQUESTS_PER_MINUTE: "100" };
    const a = await startTestApp({ db: first.db, now: NOW, config: busy });
    const b = await startTestApp({ db: second.db, now: NOW, config: busy });
    try {
      const secret = await newKey();
      const responses = await Promise.all(
        Array.from({ length: 150 }, (_, i) => read(i % 2 === 0 ? a.app : b.app, secret)),
      );
      const allowed = responses.filter((r) => r.statusCode === 200).length;
      expect(allowed).toBeLessThanOrEqual(100);
      expect(allowed).toBeGreaterThanOrEqual(98);
      expect(responses.filter((r) => r.statusCode === 429)).toHaveLength(150 - allowed);
    } finally {
      await a.app.close();
      await b.app.close();
    }
  });
});
