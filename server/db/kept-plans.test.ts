/**
 * On PostgreSQL each connection prepares a list's statement once and, after five readings, keeps
 * one plan for any values (./client.ts). It keeps none, and plans every page again, when the plan
 * made without the values looks dearer than the ones made with them: a LIMIT or a status sent as a
 * parameter did that (db/paging.ts, db/one-of.ts), and so did joining five tables.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCatalogue, createCustomerSuccess, createPartner } from "../test/factories.ts";
import { onPostgres, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { type DatabaseHandle, openDatabase, queryRows, refreshStatistics } from "./client.ts";
import { accounts, applications } from "./schema/index.ts";

const READINGS = 8;

describe.runIf(onPostgres)("a page of a long list read again and again", () => {
  let t: TestApp;
  let oneConnection: DatabaseHandle;
  let instance: TestApp;
  let partnerId: string;
  let superAdminEmail: string;
  let reviewerEmail: string;

  beforeAll(async () => {
    t = await startTestApp({ isolated: true });
    const catalogue = await createCatalogue(t.db);
    const partner = await createPartner(t.db);
    partnerId = partner.id;
    superAdminEmail = partner.superAdmin.email;
    reviewerEmail = (await createCustomerSuccess(t.db)).email;
    // 5,000 accounts, each with one application, one in ten still pending.
    await t.db.execute(sql`
      insert into ${accounts} (partner_id, name, customer_name, country, sector_code, licence_id,
        starts_on, ends_on, datapoints_contracted)
      select ${partner.id}, 'Site ' || n, 'Customer ' || n, 'ES', ${catalogue.sectorCode},
        ${catalogue.licenceId}, date '2026-01-01', date '2026-04-01' + (n % 700), 100
      from generate_series(1, 5000) as n`);
    await t.db.execute(sql`
      insert into ${applications} (partner_id, account_id, kind, status, payload, requested_by,
        requested_at, decided_at)
      select partner_id, id, 'edit_datapoints', case when pending then 'pending' else 'approved' end,
        '{"change": 20}', ${partner.superAdmin.id}, timestamptz '2026-03-01' + n * interval '1 minute',
        case when pending then null else timestamptz '2026-03-10' end
      from (select *, row_number() over () as n, row_number() over () % 10 = 0 as pending
        from ${accounts} where partner_id = ${partner.id}) as numbered`);
    await refreshStatistics(t.db);
    // An instance whose every statement goes through one connection, to ask it what it kept.
    if (!t.databaseUrl) throw new Error("an isolated database has a URL");
    oneConnection = await openDatabase({ kind: "postgres", url: t.databaseUrl, poolSize: 1 });
    instance = await startTestApp({ db: oneConnection.db });
  }, 120_000);
  afterAll(async () => {
    await instance?.close();
    await oneConnection?.close();
    await t?.close();
  });

  it("is planned by PostgreSQL a few times, not at every reading", async () => {
    const superAdmin = await signIn(instance.app, superAdminEmail);
    const reviewer = await signIn(instance.app, reviewerEmail);
    const pages = [
      [superAdmin, "/api/v1/account-management/accounts?zone=active&sort=endsOn&pageSize=50"],
      [superAdmin, "/api/v1/account-management/accounts?zone=active&sort=name&pageSize=50"],
      [superAdmin, "/api/v1/account-management/applications?pageSize=50"],
      [reviewer, `/api/v1/review/applications?partnerId=${partnerId}&status=pending&pageSize=50`],
    ] as const;
    for (const [session, url] of pages) {
      for (let reading = 0; reading < READINGS; reading++) {
        expect((await session.request({ method: "GET", url })).statusCode).toBe(200);
      }
    }
    const kept = await queryRows<{ statement: string; generic: number; custom: number }>(
      oneConnection.db,
      sql`select statement, generic_plans::int as generic, custom_plans::int as custom
        from pg_prepared_statements where name like 'wf_%'`,
    );
    const lists = kept.filter(
      ({ statement, generic, custom }) =>
        generic + custom >= READINGS && /from "(accounts|applications)"/.test(statement),
    );
    // Both parts of the Applications zone (pending, then decided), the review queue, two sorts.
    expect(lists.length).toBeGreaterThanOrEqual(4);
    const plannedEachTime = lists
      .filter(({ generic }) => generic === 0)
      .map(({ statement }) => statement.slice(0, 300));
    expect(plannedEachTime).toEqual([]);
  });

  it("reads the page of a search of applications in one statement, with one plan kept for every text", async () => {
    const superAdmin = await signIn(instance.app, superAdminEmail);
    for (let reading = 0; reading < READINGS; reading++) {
      const url = `/api/v1/account-management/applications?q=site%20${reading + 1}&pageSize=50`;
      const response = await superAdmin.request({ method: "GET", url });
      expect(response.statusCode).toBe(200);
      expect(response.json().items.length).toBeGreaterThan(0);
    }
    const searches = await queryRows<{ statement: string; generic: number }>(
      oneConnection.db,
      sql`select statement, generic_plans::int as generic
        from pg_prepared_statements where statement like '%one plan fits every text%'`,
    );
    // The page's statement names what the text finds: no statement of its own names it first.
    expect(searches).toHaveLength(1);
    expect(searches[0]?.statement).toMatch(/^with "named" as \(\/\* one plan fits every text/);
    expect(searches[0]?.generic).toBeGreaterThan(0);
  });
});
