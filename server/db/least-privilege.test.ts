/**
 * The roles the README's "Run in production" asks for, on a PostgreSQL cluster of the test's own: a
 * login role that owns the database and is neither a superuser nor may create roles, and
 * `wattfolio_app`, granted to it. Instances starting together migrate it and then work as
 * `wattfolio_app`.
 */
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPostgres, startTestApp } from "../test/harness.ts";
import { type OwnCluster, startOwnCluster } from "../test/own-cluster.ts";
import { openDatabase, queryRows } from "./client.ts";

const PORT = 5561;

// Once per run, in the PostgreSQL project: the cluster's port is the test's own.
describe.runIf(onPostgres)("the least-privilege roles of a production database", () => {
  let cluster: OwnCluster | undefined;
  let ownerUrl: string;

  beforeAll(async () => {
    cluster = await startOwnCluster(PORT);
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      // As the README tells a superuser to, once per cluster.
      await admin.query("create role wattfolio login");
      await admin.query("create role wattfolio_app nologin");
      await admin.query("grant wattfolio_app to wattfolio");
      await admin.query("create database wattfolio owner wattfolio");
    } finally {
      await admin.end();
    }
    ownerUrl = `postgres://wattfolio@127.0.0.1:${PORT}/wattfolio`;
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it("are enough to migrate with instances starting together, and the instances work as wattfolio_app", async () => {
    const config = { kind: "postgres" as const, url: ownerUrl, poolSize: 2 };
    const instances = await Promise.all([openDatabase(config), openDatabase(config)]);
    const t = await startTestApp({ db: instances[0].db });
    try {
      const [owner] = await queryRows<{ rolsuper: boolean; rolcreaterole: boolean }>(
        t.db,
        sql`select rolsuper, rolcreaterole from pg_roles where rolname = 'wattfolio'`,
      );
      expect(owner).toEqual({ rolsuper: false, rolcreaterole: false });
      for (const { db } of instances) {
        const [who] = await queryRows<{ role: string }>(db, sql`select current_user as role`);
        expect(who?.role).toBe("wattfolio_app");
      }
      const ready = await t.app.inject({ method: "GET", url: "/readyz" });
      expect(ready.json()).toEqual({ status: "ready" });
      // The product's tables are written; the schema is not changed by the application's role.
      await expect(
        queryRows(
          t.db,
          sql`insert into partners (name, time_zone, country) values ('P', 'UTC', 'ES') returning id`,
        ),
      ).resolves.toHaveLength(1);
      const altered = await queryRows(
        t.db,
        sql`alter table partners add column nickname text`,
      ).then(
        () => null,
        (error: Error) => error.cause,
      );
      expect(String(altered)).toMatch(/must be owner of table partners/);
    } finally {
      await t.app.close();
      for (const instance of instances) await instance.close();
    }
  });
});
