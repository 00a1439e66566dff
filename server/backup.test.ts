/**
 * A backup as the README tells operators to take it — `pg_dump -Fc` — restored with `pg_restore`
 * into a new database, and Wattfolio opened on the copy: everything is there, the migrations count
 * as applied, and the copy takes new writes where the original left off.
 */
import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./db/client.ts";
import { createAccount, createCatalogue, createPartner } from "./test/factories.ts";
import { onPostgres, signIn, startTestApp, type TestApp } from "./test/harness.ts";
import { administer } from "./test/postgres-setup.ts";

const run = promisify(execFile);

/** Rows of the tables a restore must bring back, by table. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of [
      "partners",
      "users",
      "accounts",
      "api_keys",
      "datapoints",
      "usage_ledger",
      "events",
      "idempotency_keys",
      "drizzle.__drizzle_migrations",
    ]) {
      const { rows } = await client.query(`select count(*)::int as count from ${table}`);
      counts[table] = (rows[0] as { count: number }).count;
    }
    return counts;
  } finally {
    await client.end();
  }
}

describe.runIf(onPostgres)("a backup with pg_dump, restored with pg_restore", () => {
  let original: TestApp;
  const base = process.env.TEST_DATABASE_URL ?? "";
  const name = `wattfolio_restored_${randomBytes(6).toString("hex")}`;
  let restoredUrl = "";
  let folder: string;

  beforeAll(async () => {
    restoredUrl = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
    original = await startTestApp({ isolated: true, now: new Date().toISOString() });
    folder = await mkdtemp(join(tmpdir(), "wattfolio-backup-"));
  });
  afterAll(async () => {
    await original?.close();
    await administer(base, `drop database if exists ${name} with (force)`);
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("brings every row back, counts the migrations as applied and takes new writes", async () => {
    const catalogue = await createCatalogue(original.db);
    const partner = await createPartner(original.db);
    const account = await createAccount(original.db, partner.id, catalogue, {
      endsOn: "2099-01-01",
    });
    const superAdmin = await signIn(original.app, partner.superAdmin.email);
    const created = await superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "Platform integration" },
    });
    expect(created.statusCode).toBe(201);
    const authorization = `Bearer ${created.json().secret}`;
    const register = (app: TestApp["app"], externalIds: string[]) =>
      app.inject({
        method: "POST",
        url: `/api/v1/usage/accounts/${account.id}/datapoints`,
        headers: { authorization, "idempotency-key": randomUUID() },
        payload: {
          datapoints: externalIds.map((externalId) => ({
            externalId,
            name: externalId,
            deviceName: "Main board",
            kind: "meter",
          })),
        },
      });
    expect((await register(original.app, ["m-1", "m-2", "m-3"])).statusCode).toBe(200);

    const dump = join(folder, "wattfolio.dump");
    await run("pg_dump", ["--format=custom", `--file=${dump}`, `--dbname=${original.databaseUrl}`]);
    await administer(base, `create database ${name}`);
    await run("pg_restore", ["--exit-on-error", `--dbname=${restoredUrl}`, dump]);

    const shipped = JSON.parse(
      await readFile(new URL("../drizzle/meta/_journal.json", import.meta.url), "utf8"),
    ) as { entries: unknown[] };
    const before = await rowCounts(restoredUrl);
    expect(before).toEqual(await rowCounts(original.databaseUrl as string));
    expect(before["drizzle.__drizzle_migrations"]).toBe(shipped.entries.length);

    const restored = await openDatabase({ kind: "postgres", url: restoredUrl, poolSize: 4 });
    const copy = await startTestApp({ db: restored.db, now: new Date().toISOString() });
    try {
      // Nothing left to migrate: the copy is ready as it is.
      expect(await rowCounts(restoredUrl)).toEqual(before);
      const ready = await copy.app.inject({ method: "GET", url: "/readyz" });
      expect(ready.json()).toEqual({ status: "ready" });
      // The API key (kept as a hash) still opens the account, whose usage is as it was.
      const usage = await copy.app.inject({
        method: "GET",
        url: `/api/v1/usage/accounts/${account.id}`,
        headers: { authorization },
      });
      expect(usage.json()).toMatchObject({ datapoints: { contracted: 100, used: 3, left: 97 } });
      // The ledger's sequence goes on where it stopped.
      const more = await register(copy.app, ["m-4"]);
      expect(more.json()).toMatchObject({ datapoints: { used: 4 } });
    } finally {
      await copy.app.close();
      await restored.close();
    }
  });
});
