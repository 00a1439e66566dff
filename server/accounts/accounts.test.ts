import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountSummary } from "../../shared/api/accounts.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createPartner,
  grantAccess,
  type PartnerFixture,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

let t: TestApp;
let catalogue: Catalogue;
let partner: PartnerFixture;
let superAdmin: Session;

// 31 December, 23:30 in UTC is already 1 January in Madrid.
const NOW = "2026-12-31T23:30:00Z";

beforeAll(async () => {
  t = await startTestApp({ now: NOW });
  catalogue = await createCatalogue(t.db);
  partner = await createPartner(t.db, { timeZone: "Europe/Madrid" });
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  await createAccount(t.db, partner.id, catalogue, {
    name: "Ends tomorrow",
    endsOn: "2027-01-02",
    datapointsContracted: 100,
    datapointsUsed: 40,
  });
  await createAccount(t.db, partner.id, catalogue, {
    name: "Ends today",
    endsOn: "2027-01-01",
    customerName: "Colegio Norte",
  });
  await createAccount(t.db, partner.id, catalogue, {
    name: "Ended last year",
    endsOn: "2026-06-30",
  });
  await createAccount(t.db, partner.id, catalogue, {
    name: "Long term",
    endsOn: "2028-03-01",
    datapointsContracted: 500,
    datapointsUsed: 480,
    licenceId: catalogue.otherLicenceId,
  });
});
afterAll(() => t.close());

async function zone(query: string): Promise<{ items: AccountSummary[]; total: number }> {
  const response = await superAdmin.request({
    method: "GET",
    url: `/api/v1/account-management/accounts?${query}`,
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe("the Active and Expired accounts zones", () => {
  it("splits the portfolio by the end date in the partner's time zone", async () => {
    const active = await zone("zone=active&sort=endsOn");
    expect(active.items.map((a) => a.name)).toEqual(["Ends tomorrow", "Long term"]);
    const expired = await zone("zone=expired&sort=endsOn&order=desc");
    expect(expired.items.map((a) => a.name)).toEqual(["Ends today", "Ended last year"]);
  });

  it("shows datapoints contracted, used and left, and the days left", async () => {
    const [tomorrow] = (await zone("zone=active&q=tomorrow")).items;
    expect(tomorrow).toMatchObject({
      status: "active",
      daysLeft: 1,
      endsOn: "2027-01-02",
      datapoints: { contracted: 100, used: 40, left: 60 },
      licence: { id: catalogue.licenceId },
    });
    const [today] = (await zone("zone=expired&q=today")).items;
    expect(today).toMatchObject({ status: "expired", daysLeft: 0 });
  });

  it("sorts by datapoints left and by name, either way", async () => {
    expect((await zone("zone=active&sort=datapointsLeft")).items.map((a) => a.name)).toEqual([
      "Long term",
      "Ends tomorrow",
    ]);
    expect((await zone("zone=active&sort=name&order=desc")).items.map((a) => a.name)).toEqual([
      "Long term",
      "Ends tomorrow",
    ]);
  });

  it("filters by a search text on name or customer, and by licence", async () => {
    expect((await zone("zone=expired&q=colegio")).items.map((a) => a.name)).toEqual(["Ends today"]);
    expect((await zone("zone=active&q=%25")).total).toBe(0);
    expect(
      (await zone(`zone=active&licenceId=${catalogue.otherLicenceId}`)).items.map((a) => a.name),
    ).toEqual(["Long term"]);
  });

  it("pages on the server with the total count", async () => {
    const first = await zone("zone=active&sort=name&pageSize=1&page=1");
    const second = await zone("zone=active&sort=name&pageSize=1&page=2");
    expect(first.total).toBe(2);
    expect([...first.items, ...second.items].map((a) => a.name)).toEqual([
      "Ends tomorrow",
      "Long term",
    ]);
  });

  it("says what is wrong with a bad query", async () => {
    const response = await superAdmin.request({
      method: "GET",
      url: "/api/v1/account-management/accounts?pageSize=1000&sort=colour",
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["pageSize", "sort"]));
  });

  it("never shows another partner's accounts", async () => {
    const other = await createPartner(t.db);
    await createAccount(t.db, other.id, catalogue, {
      name: "Other partner's site",
      endsOn: "2028-01-01",
    });
    expect((await zone("zone=active&q=Other")).total).toBe(0);
  });
});

describe("an account user", () => {
  it("sees only the accounts it was given access to", async () => {
    const granted = await createAccount(t.db, partner.id, catalogue, {
      name: "Granted site",
      endsOn: "2028-01-01",
    });
    const hidden = await createAccount(t.db, partner.id, catalogue, {
      name: "Hidden site",
      endsOn: "2028-01-01",
    });
    await grantAccess(t.db, partner.id, granted.id, partner.accountUser.id);
    const user = await signIn(t.app, partner.accountUser.email);
    const home = await user.request({ method: "GET", url: "/api/v1/accounts" });
    expect(home.json().items.map((a: AccountSummary) => a.name)).toEqual(["Granted site"]);
    expect(
      (await user.request({ method: "GET", url: `/api/v1/accounts/${granted.id}` })).statusCode,
    ).toBe(200);
    expect(
      (await user.request({ method: "GET", url: `/api/v1/accounts/${hidden.id}` })).statusCode,
    ).toBe(404);
  });
});

describe("the account page", () => {
  it("shows the account's entitlements, term and partner", async () => {
    const account = await createAccount(t.db, partner.id, catalogue, {
      name: "Detailed",
      endsOn: "2027-06-01",
      billManagementTypeId: catalogue.billManagementTypeId,
      rtmMeters: 3,
      rtcLines: 2,
      emailDomain: "mail.detailed.example",
    });
    const response = await superAdmin.request({
      method: "GET",
      url: `/api/v1/accounts/${account.id}`,
    });
    expect(response.json()).toMatchObject({
      name: "Detailed",
      partner: { id: partner.id },
      billManagementType: { id: catalogue.billManagementTypeId },
      rtmMeters: 3,
      rtcLines: 2,
      emailDomain: "mail.detailed.example",
      status: "active",
      startsOn: "2026-06-01",
    });
  });
});
