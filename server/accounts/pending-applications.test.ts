/**
 * An account's pending applications: counted on its row of the Active and Expired zones, and listed
 * on its page through the Applications zone's `accountId` filter — each partner's own only.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZoneAccount } from "../../shared/api/accounts.ts";
import type { Application } from "../../shared/api/applications.ts";
import { refreshStatistics } from "../db/client.ts";
import { accounts, applications, partners } from "../db/schema/index.ts";
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
import { zoneAccountsQuery } from "./queries.ts";

let t: TestApp;
let catalogue: Catalogue;
let partner: PartnerFixture;
let superAdmin: Session;
let otherSuperAdmin: Session;
let customerSuccess: Session;
let accountUser: Session;

beforeAll(async () => {
  // A database of its own: it turns off the renewals' auto-approval, which is every partner's, and
  // other test files rely on renewals being approved on filing.
  t = await startTestApp({ isolated: true, now: "2026-03-15T10:00:00Z" });
  catalogue = await createCatalogue(t.db);
  partner = await createPartner(t.db);
  const other = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  otherSuperAdmin = await signIn(t.app, other.superAdmin.email);
  accountUser = await signIn(t.app, partner.accountUser.email);
  customerSuccess = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
});
afterAll(() => t.close());

const account = (values: Parameters<typeof createAccount>[3] = {}) =>
  createAccount(t.db, partner.id, catalogue, { endsOn: "2026-12-31", ...values });

async function file(
  accountId: string,
  kind: string,
  payload: object,
  session = superAdmin,
): Promise<Application> {
  const response = await session.request({
    method: "POST",
    url: "/api/v1/account-management/applications",
    payload: { kind, accountId, payload },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function row(name: string, zone = "active", session = superAdmin): Promise<ZoneAccount> {
  const response = await session.request({
    method: "GET",
    url: `/api/v1/account-management/accounts?zone=${zone}&q=${encodeURIComponent(name)}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  const page: { items: ZoneAccount[] } = response.json();
  const found = page.items.find((item) => item.name === name);
  if (!found) throw new Error(`${name} is not in the ${zone} zone`);
  return found;
}

async function applicationsOf(accountId: string, query = "", session = superAdmin) {
  return session.request({
    method: "GET",
    url: `/api/v1/account-management/applications?accountId=${accountId}${query}`,
  });
}

describe("the pending applications on an account's row", () => {
  it("counts the account's pending applications, and none once they are decided or withdrawn", async () => {
    const quiet = await account({ name: "Quiet row" });
    const busy = await account({ name: "Busy row", datapointsContracted: 500 });
    expect((await row("Quiet row")).pendingApplications).toBe(0);

    await file(busy.id, "edit_datapoints", { change: 10 });
    const sms = await file(busy.id, "buy_sms_credits", { credits: 10 });
    expect((await row("Busy row")).pendingApplications).toBe(2);

    const withdrawn = await superAdmin.request({
      method: "POST",
      url: `/api/v1/account-management/applications/${sms.id}/withdraw`,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await row("Busy row")).pendingApplications).toBe(1);
    expect((await row("Quiet row")).pendingApplications).toBe(0);
    expect(quiet.id).not.toBe(busy.id);
  });

  it("counts a move of datapoints on both accounts it touches", async () => {
    const from = await account({ name: "Moves from", datapointsContracted: 300 });
    await account({ name: "Moves to" });
    const to = await row("Moves to");
    await file(from.id, "move_datapoints", { datapoints: 10, targetAccountId: to.id });
    expect((await row("Moves from")).pendingApplications).toBe(1);
    expect((await row("Moves to")).pendingApplications).toBe(1);
  });

  it("counts on expired accounts too", async () => {
    const ended = await account({ name: "Ended row", endsOn: "2026-01-31" });
    // Renewals are approved on filing unless Customer Success sends them to review.
    const off = await customerSuccess.request({
      method: "PUT",
      url: "/api/v1/review/auto-approval-rules/renew_subscription",
      payload: { enabled: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    await file(ended.id, "renew_subscription", {});
    expect((await row("Ended row", "expired")).pendingApplications).toBe(1);
  });

  it("is not on the home list, which account users read too", async () => {
    await account({ name: "Home row" });
    const response = await superAdmin.request({ method: "GET", url: "/api/v1/accounts?q=Home" });
    expect(response.statusCode).toBe(200);
    expect(response.json().items[0]).not.toHaveProperty("pendingApplications");
  });
});

describe("one account's applications, for its page", () => {
  it("lists only that account's applications, pending ones with the status filter", async () => {
    const mine = await account({ datapointsContracted: 400 });
    const next = await account();
    const filed = await file(mine.id, "edit_datapoints", { change: 5 });
    await file(next.id, "edit_datapoints", { change: 5 });

    const response = await applicationsOf(mine.id, "&status=pending");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      total: 1,
      items: [{ id: filed.id, kind: "edit_datapoints" }],
    });
  });

  it("shows a partner nothing of another partner's account, neither listed nor counted", async () => {
    const theirs = await account({ name: "Not yours", datapointsContracted: 400 });
    await file(theirs.id, "edit_datapoints", { change: 5 });

    const response = await applicationsOf(theirs.id, "", otherSuperAdmin);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ total: 0, items: [] });
    const zone = await otherSuperAdmin.request({
      method: "GET",
      url: "/api/v1/account-management/accounts?zone=active&q=Not%20yours",
    });
    expect(zone.json().items).toEqual([]);
  });

  it("refuses an account id that is not one", async () => {
    const response = await applicationsOf("not-an-id");
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: "accountId" })]);
  });

  it("is for SuperAdmins: account users and Customer Success are refused", async () => {
    const mine = await account();
    expect((await applicationsOf(mine.id, "", accountUser)).statusCode).toBe(403);
    expect((await applicationsOf(mine.id, "", customerSuccess)).statusCode).toBe(403);
  });
});

describe("the count's cost", () => {
  it("reads each row's applications through the indexes on the account, not the whole table", async () => {
    const big = await createPartner(t.db);
    await t.db.execute(sql`
      insert into ${accounts} (partner_id, name, customer_name, country, sector_code, licence_id, starts_on, ends_on, datapoints_contracted)
      select ${big.id}, 'Big ' || n, 'Customer', 'ES', ${catalogue.sectorCode}, ${catalogue.licenceId},
        date '2026-01-01', date '2026-06-01' + (n % 365), 100
      from generate_series(1, 1000) as n`);
    await t.db.execute(sql`
      insert into ${applications} (partner_id, account_id, kind, status, payload, requested_by, requested_at, decided_at)
      select a.partner_id, a.id, 'edit_datapoints', 'withdrawn', '{"change": 1}', ${big.superAdmin.id}, now(), now()
      from ${accounts} a, generate_series(1, 5)
      where a.partner_id = ${big.id}`);
    // Many pending ones across the partner too: the count must not read them all for each row.
    await t.db.execute(sql`
      insert into ${applications} (partner_id, account_id, kind, status, payload, requested_by, requested_at)
      select a.partner_id, a.id, 'buy_sms_credits', 'pending', '{"credits": 10}', ${big.superAdmin.id}, now()
      from ${accounts} a
      where a.partner_id = ${big.id}`);
    await refreshStatistics(t.db, [accounts, applications, partners]);
    const query = zoneAccountsQuery(t.db, eq(accounts.partnerId, big.id), "endsOn", {
      ascending: true,
      from: null,
      offset: 0,
      limit: 26,
    }).getSQL();
    const plan = await queryPlan(t.db, query);
    expect(plan).toMatch(/Scan (using|on) applications_(one_pending_per_account_kind|account_idx)/);
    expect(plan).toMatch(/Scan (using|on) applications_target_account_idx/);
    expect(plan).not.toMatch(/Seq Scan on applications/);
  });
});
