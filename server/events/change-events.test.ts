/**
 * Every change an integrator can subscribe to records exactly its event, in the change's
 * transaction, with the data the published schema promises; a refused or undone change records none.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts } from "../db/schema/index.ts";
import { ofPartner, recordedEvents } from "../test/events.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
  newAccountRequest,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

const NOW = "2026-03-15T10:00:00.000Z";

let t: TestApp;
let catalogue: Catalogue;
let customerSuccess: Session;
let reviewer: { id: string; email: string };

beforeAll(async () => {
  t = await startTestApp({ now: NOW });
  catalogue = await createCatalogue(t.db);
  reviewer = await createCustomerSuccess(t.db);
  customerSuccess = await signIn(t.app, reviewer.email);
});
afterAll(() => t.close());

/** A partner of its own, its SuperAdmin signed in, and an active account. */
async function portfolio(values: Parameters<typeof createAccount>[3] = {}) {
  const partner = await createPartner(t.db);
  const superAdmin = await signIn(t.app, partner.superAdmin.email);
  const account = await createAccount(t.db, partner.id, catalogue, {
    endsOn: "2026-12-31",
    datapointsContracted: 100,
    datapointsUsed: 40,
    ...values,
  });
  return { partner, superAdmin, account };
}

async function file(session: Session, body: object): Promise<{ id: string }> {
  const response = await session.request({
    method: "POST",
    url: "/api/v1/account-management/applications",
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const decide = (id: string, verb: "approve" | "reject", comment: string) =>
  customerSuccess.request({
    method: "POST",
    url: `/api/v1/review/applications/${id}/${verb}`,
    payload: { comment },
  });

describe("application events", () => {
  it("filing a change records application.filed with the account, the kind, the summary and the requester", async () => {
    const { partner, superAdmin, account } = await portfolio();
    const filed = await file(superAdmin, {
      kind: "edit_datapoints",
      accountId: account.id,
      payload: { change: 30 },
      comment: "Two more buildings",
    });

    const recorded = await recordedEvents(t.db, ofPartner(partner.id));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      type: "application.filed",
      occurredAt: NOW,
      partnerId: partner.id,
      accountId: account.id,
      data: {
        applicationId: filed.id,
        kind: "edit_datapoints",
        accountId: account.id,
        accountName: account.name,
        targetAccountId: null,
        summary: expect.stringContaining("30"),
        payload: { change: 30 },
        requestedBy: { id: partner.superAdmin.id, name: expect.any(String) },
        comment: "Two more buildings",
      },
    });
  });

  it("a refused filing records nothing", async () => {
    const { partner, superAdmin, account } = await portfolio();
    const response = await superAdmin.request({
      method: "POST",
      url: "/api/v1/account-management/applications",
      payload: { kind: "edit_datapoints", accountId: account.id, payload: { change: -61 } },
    });
    expect(response.statusCode).toBe(400);
    expect(await recordedEvents(t.db, ofPartner(partner.id))).toEqual([]);
  });

  it("approving records application.approved with the reviewer and the comment, once: approving again records nothing", async () => {
    const { partner, superAdmin, account } = await portfolio();
    const filed = await file(superAdmin, {
      kind: "edit_datapoints",
      accountId: account.id,
      payload: { change: 30 },
    });
    expect((await decide(filed.id, "approve", "Welcome aboard")).statusCode).toBe(200);
    expect((await decide(filed.id, "approve", "Again")).statusCode).toBe(409);

    const recorded = await recordedEvents(t.db, ofPartner(partner.id));
    expect(recorded.map((e) => e.type)).toEqual(["application.filed", "application.approved"]);
    expect(recorded[1]).toMatchObject({
      accountId: account.id,
      data: {
        applicationId: filed.id,
        decidedBy: { id: reviewer.id, name: "Customer Success" },
        decidedAutomatically: false,
        decisionComment: "Welcome aboard",
      },
    });
  });

  it("rejecting records application.rejected with the reason", async () => {
    const { partner, superAdmin, account } = await portfolio();
    const filed = await file(superAdmin, {
      kind: "buy_sms_credits",
      accountId: account.id,
      payload: { credits: 500 },
    });
    expect((await decide(filed.id, "reject", "Budget not approved")).statusCode).toBe(200);

    const recorded = await recordedEvents(t.db, ofPartner(partner.id));
    expect(recorded.map((e) => e.type)).toEqual(["application.filed", "application.rejected"]);
    expect(recorded[1]?.data).toMatchObject({
      applicationId: filed.id,
      kind: "buy_sms_credits",
      decidedBy: { id: reviewer.id },
      decisionComment: "Budget not approved",
    });
  });

  it("an approval that no longer fits is refused and records no approval", async () => {
    const { partner, superAdmin, account } = await portfolio();
    const filed = await file(superAdmin, {
      kind: "edit_datapoints",
      accountId: account.id,
      payload: { change: -60 },
    });
    // The platform registered more datapoints meanwhile: removing 60 would leave fewer than used.
    await t.db.update(accounts).set({ datapointsUsed: 50 }).where(eq(accounts.id, account.id));
    expect((await decide(filed.id, "approve", "OK")).statusCode).toBe(409);

    const recorded = await recordedEvents(t.db, ofPartner(partner.id));
    expect(recorded.map((e) => e.type)).toEqual(["application.filed"]);
  });

  it("withdrawing records application.withdrawn by the SuperAdmin who filed it; a second withdrawal records nothing", async () => {
    const { partner, superAdmin, account } = await portfolio();
    const filed = await file(superAdmin, {
      kind: "buy_sms_credits",
      accountId: account.id,
      payload: { credits: 200 },
    });
    const withdraw = () =>
      superAdmin.request({
        method: "POST",
        url: `/api/v1/account-management/applications/${filed.id}/withdraw`,
      });
    expect((await withdraw()).statusCode).toBe(200);
    expect((await withdraw()).statusCode).toBe(409);

    const recorded = await recordedEvents(t.db, ofPartner(partner.id));
    expect(recorded.map((e) => e.type)).toEqual(["application.filed", "application.withdrawn"]);
    expect(recorded[1]?.data).toMatchObject({
      applicationId: filed.id,
      kind: "buy_sms_credits",
      withdrawnBy: { id: partner.superAdmin.id },
    });
  });
});

describe("account events", () => {
  it("approving a new account records account.created with its term, then application.approved naming the new account", async () => {
    const partner = await createPartner(t.db);
    const superAdmin = await signIn(t.app, partner.superAdmin.email);
    const request = newAccountRequest(catalogue, { periodMonths: 12, datapoints: 250 });
    const filed = await file(superAdmin, { kind: "new_account", payload: request });
    expect((await decide(filed.id, "approve", "Welcome")).statusCode).toBe(200);

    const recorded = await recordedEvents(t.db, ofPartner(partner.id));
    expect(recorded.map((e) => e.type)).toEqual([
      "application.filed",
      "account.created",
      "application.approved",
    ]);
    const [created] = await t.db.select().from(accounts).where(eq(accounts.partnerId, partner.id));
    expect(recorded[0]).toMatchObject({
      accountId: null,
      data: { accountId: null, accountName: request.name },
    });
    expect(recorded[1]).toMatchObject({
      accountId: created?.id,
      data: {
        accountId: created?.id,
        accountName: request.name,
        customerName: request.customerName,
        applicationId: filed.id,
        startsOn: "2026-03-15",
        endsOn: "2027-03-15",
        datapointsContracted: 250,
        smsCredits: request.smsCredits,
      },
    });
    expect(recorded[2]).toMatchObject({
      accountId: created?.id,
      data: { applicationId: filed.id, accountId: created?.id, accountName: request.name },
    });
  });

  it("an auto-approved renewal records filed, renewed with the old and new end dates, and approved by no one", async () => {
    const { partner, superAdmin, account } = await portfolio({ endsOn: "2026-04-30" });
    // Renewals are auto-approved out of the box; said again here so the test does not rely on it.
    const rule = await customerSuccess.request({
      method: "PUT",
      url: "/api/v1/review/auto-approval-rules/renew_subscription",
      payload: { enabled: true },
    });
    expect(rule.statusCode).toBe(200);
    await file(superAdmin, { kind: "renew_subscription", accountId: account.id, payload: {} });

    const recorded = await recordedEvents(t.db, ofPartner(partner.id));
    expect(recorded.map((e) => e.type)).toEqual([
      "application.filed",
      "account.renewed",
      "application.approved",
    ]);
    expect(recorded[1]).toMatchObject({
      accountId: account.id,
      data: {
        accountId: account.id,
        accountName: account.name,
        previousEndsOn: "2026-04-30",
        endsOn: "2027-04-30",
      },
    });
    expect(recorded[2]?.data).toMatchObject({ decidedBy: null, decidedAutomatically: true });
  });

  it("other approved changes record no account event", async () => {
    const { partner, superAdmin, account } = await portfolio();
    const filed = await file(superAdmin, {
      kind: "buy_sms_credits",
      accountId: account.id,
      payload: { credits: 100 },
    });
    expect((await decide(filed.id, "approve", "OK")).statusCode).toBe(200);
    const recorded = await recordedEvents(t.db, ofPartner(partner.id));
    expect(recorded.map((e) => e.type)).toEqual(["application.filed", "application.approved"]);
  });
});

describe("API key events", () => {
  it("revoking a key records api_key.revoked with its name and shown part but never its secret; revoking again records nothing", async () => {
    const { partner, superAdmin, account } = await portfolio();
    const created = await superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "Metering gateway", accountId: account.id },
    });
    expect(created.statusCode).toBe(201);
    const { key, secret } = created.json();
    const revoke = () =>
      superAdmin.request({ method: "POST", url: `/api/v1/api-keys/${key.id}/revoke` });
    expect((await revoke()).statusCode).toBe(200);
    await revoke();

    const recorded = await recordedEvents(t.db, ofPartner(partner.id));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      type: "api_key.revoked",
      accountId: account.id,
      data: {
        apiKeyId: key.id,
        name: "Metering gateway",
        shownPart: key.shownPart,
        accountId: account.id,
        revokedBy: { id: partner.superAdmin.id },
      },
    });
    expect(JSON.stringify(recorded[0])).not.toContain(secret);
  });
});
