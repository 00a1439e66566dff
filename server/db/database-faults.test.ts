/**
 * A bad day for the database: its connections are cut while instances serve, and PostgreSQL itself
 * restarts under load. The instances survive, answer 503 (never 500, never a reset) only while the
 * database is away, serve again without a restart, and every acknowledged write is there.
 */
import { randomUUID } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
} from "../test/factories.ts";
import { onPostgres, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { postgresBin, startOwnCluster } from "../test/own-cluster.ts";
import { type Database, openDatabase } from "./client.ts";
import { accounts, datapoints } from "./schema/index.ts";

const closers: (() => Promise<void>)[] = [];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The traffic is far above an integration's usual pace: the per-key limit is not under test here. */
const config = { API_KEY_REQUESTS_PER_MINUTE: "1000000" };
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

/** An account with room for every datapoint the traffic sends, and an API key for it. */
async function portfolio(t: TestApp) {
  const catalogue = await createCatalogue(t.db);
  const partner = await createPartner(t.db);
  const account = await createAccount(t.db, partner.id, catalogue, {
    datapointsContracted: 100_000,
  });
  const staff = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
  const created = await staff.request({
    method: "POST",
    url: "/api/v1/api-keys",
    payload: { name: "Platform" },
  });
  expect(created.statusCode).toBe(201);
  return { accountId: account.id, secret: created.json().secret as string };
}

/** One datapoint, as the platform registers it through the usage API. */
async function registerDatapoint(instance: TestApp, target: { accountId: string; secret: string }) {
  const externalId = randomUUID();
  const response = await instance.app.inject({
    method: "POST",
    url: `/api/v1/usage/accounts/${target.accountId}/datapoints`,
    headers: { authorization: `Bearer ${target.secret}` },
    payload: { datapoints: [{ externalId, name: "Meter", deviceName: "Main", kind: "meter" }] },
  });
  return { externalId, response };
}

interface Traffic {
  acknowledged: string[];
  statuses: Map<number, number>;
}

/** Registers one datapoint per request, round robin over the instances, until `until` resolves. */
async function traffic(
  instances: TestApp[],
  target: { accountId: string; secret: string },
  until: Promise<unknown>,
): Promise<Traffic> {
  const result: Traffic = { acknowledged: [], statuses: new Map() };
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const worker = async (n: number) => {
    for (let i = 0; !done; i++) {
      const instance = instances[(n + i) % instances.length];
      if (!instance) continue;
      const { externalId, response } = await registerDatapoint(instance, target);
      result.statuses.set(response.statusCode, (result.statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode === 200) {
        result.acknowledged.push(externalId);
      } else {
        if (response.statusCode === 503) {
          expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
          expect(response.headers["retry-after"]).toBeDefined();
        }
        // As a client would: wait before the next try, and let the event loop breathe.
        await pause(50);
      }
    }
  };
  await Promise.all([0, 1, 2, 3, 4, 5].map(worker));
  await until;
  return result;
}

/** Every acknowledged datapoint is stored, and the account's counter agrees with the rows. */
async function expectNothingLost(db: Database, accountId: string, acknowledged: string[]) {
  const stored = await db
    .select({ externalId: datapoints.externalId })
    .from(datapoints)
    .where(eq(datapoints.accountId, accountId));
  const ids = new Set(stored.map((row) => row.externalId));
  expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
  const [counter] = await db
    .select({ used: accounts.datapointsUsed })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  const [rows] = await db
    .select({ value: count() })
    .from(datapoints)
    .where(eq(datapoints.accountId, accountId));
  expect(counter?.used).toBe(rows?.value);
}

describe.runIf(onPostgres)("when PostgreSQL has a bad day", () => {
  it("keeps two instances serving while their connections are terminated, losing no acknowledged write", async () => {
    const first = await startTestApp({ isolated: true, config });
    closers.push(first.close);
    const url = first.databaseUrl as string;
    const secondPool = await openDatabase({ kind: "postgres", url, poolSize: 10 });
    closers.push(secondPool.close);
    const second = await startTestApp({ db: secondPool.db, config });
    closers.push(second.close);
    const target = await portfolio(first);
    const name = new URL(url).pathname.slice(1);

    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    closers.push(() => admin.end());
    const terminations = (async () => {
      for (let round = 0; round < 5; round++) {
        await pause(300);
        await admin.query(
          "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
          [name],
        );
      }
      await pause(500);
    })();
    const result = await traffic([first, second], target, terminations);

    expect(
      [...result.statuses.keys()].filter((status) => status !== 200 && status !== 503),
    ).toEqual([]);
    expect(result.acknowledged.length).toBeGreaterThan(0);
    expect(result.statuses.get(503)).toBeGreaterThan(0);
    // Both instances answer again and take writes, without a restart. (How many writes went
    // through meanwhile depends on the machine's load, so it is not counted.)
    for (const instance of [first, second]) {
      const ready = await instance.app.inject({ method: "GET", url: "/readyz" });
      expect(ready.statusCode).toBe(200);
      const { externalId, response } = await registerDatapoint(instance, target);
      expect(response.statusCode).toBe(200);
      result.acknowledged.push(externalId);
    }
    await expectNothingLost(first.db, target.accountId, result.acknowledged);
  });

  it.runIf(postgresBin() !== undefined)(
    "answers 503 while PostgreSQL restarts under load and serves again once it is back",
    async () => {
      const cluster = await startOwnCluster(15_400 + Math.floor(Math.random() * 400));
      closers.push(cluster.stop);
      const database = await openDatabase({ kind: "postgres", url: cluster.url, poolSize: 10 });
      closers.push(database.close);
      const t = await startTestApp({ db: database.db, config });
      closers.push(t.close);
      const target = await portfolio(t);

      const restarted = (async () => {
        await pause(300);
        await cluster.restart();
        await pause(800);
      })();
      const result = await traffic([t], target, restarted);

      expect(
        [...result.statuses.keys()].filter((status) => status !== 200 && status !== 503),
      ).toEqual([]);
      expect(result.statuses.get(503)).toBeGreaterThan(0);
      await expectNothingLost(t.db, target.accountId, result.acknowledged);
      const after = await t.app.inject({ method: "GET", url: "/readyz" });
      expect(after.statusCode).toBe(200);
      const [{ alive } = { alive: 0 }] = (
        (await t.db.execute(sql`select 1 as alive`)) as unknown as { rows: { alive: number }[] }
      ).rows;
      expect(alive).toBe(1);
    },
  );
});
