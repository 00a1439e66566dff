import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, applications } from "../db/schema/index.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
  newAccountRequest,
  type PartnerFixture,
} from "../test/factories.ts";
import { onPostgres, type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

let t: TestApp;
let catalogue: Catalogue;
let partner: PartnerFixture;
let superAdmin: Session;
let customerSuccess: Session;

beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-15T10:00:00Z" });
  catalogue = await createCatalogue(t.db);
  partner = await createPartner(t.db, { timeZone: "Europe/Madrid" });
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  customerSuccess = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
});
afterAll(() => t.close());

const file = (session: Session, payload: unknown, comment?: string) =>
  session.request({
    method: "POST",
    url: "/api/v1/account-management/applications",
    payload: { kind: "new_account", payload, ...(comment === undefined ? {} : { comment }) },
  });

const decide = (id: string, decision: "approve" | "reject", comment?: string) =>
  customerSuccess.request({
    method: "POST",
    url: `/api/v1/review/applications/${id}/${decision}`,
    payload: comment === undefined ? {} : { comment },
  });

async function applicationsOf(partnerId: string) {
  return t.db.select().from(applications).where(eq(applications.partnerId, partnerId));
}

describe("filing a new-account application", () => {
  it("files a pending application that appears in the Applications zone", async () => {
    const request = newAccountRequest(catalogue, { name: "Madrid Headquarters" });
    const response = await file(superAdmin, request, "Please approve before Friday");
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      kind: "new_account",
      status: "pending",
      account: null,
      comment: "Please approve before Friday",
      requestedBy: { id: partner.superAdmin.id },
      payload: { name: "Madrid Headquarters", datapoints: 250 },
    });
    const zone = await superAdmin.request({
      method: "GET",
      url: "/api/v1/account-management/applications?status=pending",
    });
    expect(zone.json().items.map((a: { id: string }) => a.id)).toContain(response.json().id);
  });

  it.each([
    ["datapoints below 20", { datapoints: 19 }, "payload.datapoints"],
    ["RTC lines outside Spain", { country: "FR", rtcLines: 2 }, "payload.rtcLines"],
    ["a period of 61 months", { periodMonths: 61 }, "payload.periodMonths"],
    ["negative SMS credits", { smsCredits: -5 }, "payload.smsCredits"],
    ["an invalid e-mail domain", { emailDomain: "not a host" }, "payload.emailDomain"],
    ["a comment over 2,000 characters", { comment: "x".repeat(2001) }, "payload.comment"],
    ["an empty name", { name: "" }, "payload.name"],
  ])("refuses %s with the field at fault and files nothing", async (_case, change, field) => {
    const before = (await applicationsOf(partner.id)).length;
    const response = await file(superAdmin, newAccountRequest(catalogue, change));
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
    const problem = response.json();
    expect(problem.code).toBe("VALIDATION_FAILED");
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await applicationsOf(partner.id)).length).toBe(before);
  });

  it("refuses a licence, licence type or sector that is not in the catalogue", async () => {
    const response = await file(
      superAdmin,
      newAccountRequest(catalogue, {
        licenceId: "00000000-0000-4000-8000-000000000000",
        sectorCode: "no-such-sector",
      }),
    );
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["payload.licenceId", "payload.sectorCode"]));
  });

  it("refuses a name already used by an account or a pending request of the portfolio, in any case", async () => {
    const existing = await createAccount(t.db, partner.id, catalogue, { name: "Valencia Port" });
    const clash = await file(
      superAdmin,
      newAccountRequest(catalogue, { name: existing.name.toUpperCase() }),
    );
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({
      code: "ACCOUNT_NAME_TAKEN",
      errors: [{ field: "payload.name" }],
    });

    expect(
      (await file(superAdmin, newAccountRequest(catalogue, { name: "Bilbao Plant" }))).statusCode,
    ).toBe(201);
    const twice = await file(superAdmin, newAccountRequest(catalogue, { name: "bilbao plant" }));
    expect(twice.statusCode).toBe(409);
  });

  it("lets another partner use the same name", async () => {
    const other = await createPartner(t.db);
    await createAccount(t.db, partner.id, catalogue, { name: "Shared Name Offices" });
    const session = await signIn(t.app, other.superAdmin.email);
    expect(
      (await file(session, newAccountRequest(catalogue, { name: "Shared Name Offices" })))
        .statusCode,
    ).toBe(201);
  });
});

describe("Customer Success deciding", () => {
  it("approves a new account: it is created active from the approval day for the requested period", async () => {
    t.clock.set("2026-03-15T23:30:00Z"); // already 16 March in Madrid
    const filed = (
      await file(
        superAdmin,
        newAccountRequest(catalogue, { name: "Sevilla Station", periodMonths: 18 }),
      )
    ).json();
    const approved = await decide(filed.id, "approve", "Welcome aboard");
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: "approved",
      decisionComment: "Welcome aboard",
      account: { name: "Sevilla Station" },
    });

    const [account] = await t.db
      .select()
      .from(accounts)
      .where(eq(accounts.id, approved.json().account.id));
    expect(account).toMatchObject({
      partnerId: partner.id,
      startsOn: "2026-03-16",
      endsOn: "2027-09-16",
      datapointsContracted: 250,
      datapointsUsed: 0,
      rtmMeters: 4,
      additionalPods: 2,
      smsCredits: 500,
      rtcLines: 3,
      emailDomain: "mail.marazul.example",
    });

    const active = await superAdmin.request({
      method: "GET",
      url: "/api/v1/account-management/accounts?zone=active&q=Sevilla",
    });
    expect(active.json().items).toMatchObject([
      {
        name: "Sevilla Station",
        status: "active",
        datapoints: { contracted: 250, used: 0, left: 250 },
      },
    ]);
    const decided = await superAdmin.request({
      method: "GET",
      url: `/api/v1/account-management/applications/${filed.id}`,
    });
    expect(decided.json()).toMatchObject({
      status: "approved",
      decisionComment: "Welcome aboard",
      decidedBy: { name: "Customer Success" },
    });
    t.clock.set("2026-03-15T10:00:00Z");
  });

  it("changes nothing when an application is approved a second time", async () => {
    const filed = (await file(superAdmin, newAccountRequest(catalogue))).json();
    expect((await decide(filed.id, "approve")).statusCode).toBe(200);
    const again = await decide(filed.id, "approve");
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "APPLICATION_NOT_PENDING", status: 409 });
    const created = await t.db.select().from(accounts).where(eq(accounts.name, filed.payload.name));
    expect(created).toHaveLength(1);
    expect((await decide(filed.id, "reject", "too late")).statusCode).toBe(409);
  });

  it("rejects with a comment the requester sees, and creates nothing", async () => {
    const filed = (await file(superAdmin, newAccountRequest(catalogue))).json();
    const noComment = await decide(filed.id, "reject");
    expect(noComment.statusCode).toBe(400);
    const rejected = await decide(filed.id, "reject", "Datapoints look too high for this site");
    expect(rejected.json()).toMatchObject({
      status: "rejected",
      decisionComment: "Datapoints look too high for this site",
    });
    expect(
      await t.db.select().from(accounts).where(eq(accounts.name, filed.payload.name)),
    ).toHaveLength(0);
  });

  it("cannot approve a request whose name was taken since it was filed", async () => {
    const filed = (
      await file(superAdmin, newAccountRequest(catalogue, { name: "Race Track Offices" }))
    ).json();
    await createAccount(t.db, partner.id, catalogue, { name: "Race Track Offices" });
    const response = await decide(filed.id, "approve");
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("APPLICATION_NO_LONGER_VALID");
    const [still] = await t.db.select().from(applications).where(eq(applications.id, filed.id));
    expect(still?.status).toBe("pending");
  });

  it("sees every partner's pending applications in the review queue, oldest first", async () => {
    const other = await createPartner(t.db);
    const otherAdmin = await signIn(t.app, other.superAdmin.email);
    t.clock.set("2026-03-15T08:00:00Z");
    const first = (await file(otherAdmin, newAccountRequest(catalogue))).json();
    t.clock.set("2026-03-15T09:00:00Z");
    const second = (await file(superAdmin, newAccountRequest(catalogue))).json();
    t.clock.set("2026-03-15T10:00:00Z");
    const queue = await customerSuccess.request({
      method: "GET",
      url: "/api/v1/review/applications?status=pending&pageSize=100",
    });
    const ids = queue.json().items.map((a: { id: string }) => a.id);
    expect(ids.indexOf(first.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    const onlyOther = await customerSuccess.request({
      method: "GET",
      url: `/api/v1/review/applications?partnerId=${other.id}`,
    });
    expect(onlyOther.json().items.map((a: { id: string }) => a.id)).toEqual([first.id]);
  });
});

describe.runIf(onPostgres)("concurrent decisions (PostgreSQL)", () => {
  it("lets exactly one of two simultaneous approvals win", async () => {
    for (let round = 0; round < 5; round++) {
      const filed = (await file(superAdmin, newAccountRequest(catalogue))).json();
      const responses = await Promise.all([
        decide(filed.id, "approve", "first"),
        decide(filed.id, "approve", "second"),
      ]);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(responses.find((r) => r.statusCode === 409)?.json().code).toBe(
        "APPLICATION_NOT_PENDING",
      );
      expect(
        await t.db.select().from(accounts).where(eq(accounts.name, filed.payload.name)),
      ).toHaveLength(1);
    }
  });

  it("lets exactly one of an approval and a rejection at the same moment win", async () => {
    const filed = (await file(superAdmin, newAccountRequest(catalogue))).json();
    const responses = await Promise.all([
      decide(filed.id, "approve"),
      decide(filed.id, "reject", "no"),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [row] = await t.db.select().from(applications).where(eq(applications.id, filed.id));
    const created = await t.db.select().from(accounts).where(eq(accounts.name, filed.payload.name));
    expect(created).toHaveLength(row?.status === "approved" ? 1 : 0);
  });

  it("files only one of two simultaneous requests for the same new name", async () => {
    const name = `Simultaneous ${Date.now()}`;
    const responses = await Promise.all([
      file(superAdmin, newAccountRequest(catalogue, { name })),
      file(superAdmin, newAccountRequest(catalogue, { name })),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });
});
