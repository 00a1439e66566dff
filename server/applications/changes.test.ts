/**
 * Every kind of change to an account, filed, approved and applied; renewals across month ends;
 * pending applications; the history; concurrent approvals. Longer than most files on purpose: each
 * kind needs its own filed → approved → applied story, and they share one portfolio.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountHistory, accounts, applications } from "../db/schema/index.ts";
import {
  accountById,
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
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
  partner = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  customerSuccess = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
});
afterAll(() => t.close());

const activeAccount = (values: Parameters<typeof createAccount>[3] = {}) =>
  createAccount(t.db, partner.id, catalogue, {
    endsOn: "2026-12-31",
    datapointsContracted: 1200,
    datapointsUsed: 40,
    ...values,
  });

async function file(accountId: string, kind: string, payload: object, session = superAdmin) {
  return session.request({
    method: "POST",
    url: "/api/v1/account-management/applications",
    payload: { kind, accountId, payload, comment: `${kind} please` },
  });
}

async function fileOk(
  accountId: string,
  kind: string,
  payload: object,
): Promise<{ id: string; status: string }> {
  const response = await file(accountId, kind, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const approve = (id: string, comment = "Approved") =>
  customerSuccess.request({
    method: "POST",
    url: `/api/v1/review/applications/${id}/approve`,
    payload: { comment },
  });

describe("each kind of change, filed and approved", () => {
  it("adds datapoints", async () => {
    const account = await activeAccount();
    const filed = await fileOk(account.id, "edit_datapoints", { change: 300 });
    expect((await approve(filed.id)).statusCode).toBe(200);
    expect((await accountById(t.db, account.id))?.datapointsContracted).toBe(1500);
  });

  it("removes datapoints with a negative number, down to what is used", async () => {
    const account = await activeAccount({ datapointsContracted: 100, datapointsUsed: 40 });
    const filed = await fileOk(account.id, "edit_datapoints", { change: -60 });
    expect((await approve(filed.id)).statusCode).toBe(200);
    expect((await accountById(t.db, account.id))?.datapointsContracted).toBe(40);
  });

  it("refuses a removal below what the account uses, with the field at fault, and files nothing", async () => {
    const account = await activeAccount({ datapointsContracted: 100, datapointsUsed: 40 });
    const response = await file(account.id, "edit_datapoints", { change: -61 });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      errors: [{ field: "payload.change" }],
    });
    expect(
      await t.db.select().from(applications).where(eq(applications.accountId, account.id)),
    ).toHaveLength(0);
  });

  it("moves datapoints from one account to another in one application", async () => {
    const from = await activeAccount({ datapointsContracted: 500, datapointsUsed: 100 });
    const to = await activeAccount({ datapointsContracted: 50 });
    const filed = await fileOk(from.id, "move_datapoints", {
      datapoints: 200,
      targetAccountId: to.id,
    });
    const approved = await approve(filed.id);
    expect(approved.json()).toMatchObject({
      status: "approved",
      targetAccount: { id: to.id },
      changes: expect.arrayContaining([
        expect.objectContaining({
          account: { id: from.id, name: from.name },
          before: 500,
          after: 300,
        }),
        expect.objectContaining({ account: { id: to.id, name: to.name }, before: 50, after: 250 }),
      ]),
    });
    expect((await accountById(t.db, from.id))?.datapointsContracted).toBe(300);
    expect((await accountById(t.db, to.id))?.datapointsContracted).toBe(250);
  });

  it("cannot move datapoints to another partner's account", async () => {
    const other = await createPartner(t.db);
    const foreign = await createAccount(t.db, other.id, catalogue, { endsOn: "2026-12-31" });
    const from = await activeAccount();
    const response = await file(from.id, "move_datapoints", {
      datapoints: 10,
      targetAccountId: foreign.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: "payload.targetAccountId" }),
    ]);
  });

  it("changes the licence", async () => {
    const account = await activeAccount();
    const filed = await fileOk(account.id, "edit_licence", { licenceId: catalogue.otherLicenceId });
    const approved = (await approve(filed.id)).json();
    expect(approved.changes).toEqual([
      expect.objectContaining({
        field: "licenceId",
        before: expect.stringContaining("Starter"),
        after: expect.stringContaining("Professional"),
      }),
    ]);
    expect((await accountById(t.db, account.id))?.licenceId).toBe(catalogue.otherLicenceId);
  });

  it("upgrades meters, and offers RTC lines only in Spain", async () => {
    const account = await activeAccount();
    const upgrade = {
      billManagementTypeId: catalogue.billManagementTypeId,
      rtmMeters: 6,
      additionalPods: 2,
      rtcLines: 4,
    };
    const filed = await fileOk(account.id, "upgrade_meters", upgrade);
    await approve(filed.id);
    expect(await accountById(t.db, account.id)).toMatchObject(upgrade);

    const french = await activeAccount({ country: "FR" });
    const refused = await file(french.id, "upgrade_meters", { ...upgrade, rtcLines: 1 });
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: "payload.rtcLines" })]);
  });

  it("buys SMS credits", async () => {
    const account = await activeAccount({ smsCredits: 100 });
    const filed = await fileOk(account.id, "buy_sms_credits", { credits: 500 });
    await approve(filed.id);
    expect((await accountById(t.db, account.id))?.smsCredits).toBe(600);
  });
});

describe("renewing", () => {
  it("is approved on filing by default, recorded as decided by auto-approval, one year from the end date", async () => {
    const account = await activeAccount({ endsOn: "2026-04-30" });
    const filed = await fileOk(account.id, "renew_subscription", {});
    expect(filed).toMatchObject({
      status: "approved",
      decidedAutomatically: true,
      decidedBy: null,
    });
    expect((await accountById(t.db, account.id))?.endsOn).toBe("2027-04-30");
  });

  it("restarts an expired account from the approval day, so it is active again", async () => {
    const account = await activeAccount({ endsOn: "2026-02-01" });
    const before = await superAdmin.request({
      method: "GET",
      url: `/api/v1/accounts/${account.id}`,
    });
    expect(before.json().status).toBe("expired");
    await fileOk(account.id, "renew_subscription", {});
    const after = await superAdmin.request({
      method: "GET",
      url: `/api/v1/accounts/${account.id}`,
    });
    expect(after.json()).toMatchObject({
      status: "active",
      startsOn: "2026-03-15",
      endsOn: "2027-03-15",
    });
  });

  it("waits for review once Customer Success turns the rule off", async () => {
    const off = await customerSuccess.request({
      method: "PUT",
      url: "/api/v1/review/auto-approval-rules/renew_subscription",
      payload: { enabled: false },
    });
    try {
      expect(off.json()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: "renew_subscription", enabled: false }),
        ]),
      );
      const account = await activeAccount({ endsOn: "2026-04-30" });
      const filed = await fileOk(account.id, "renew_subscription", {});
      expect(filed.status).toBe("pending");
      expect((await accountById(t.db, account.id))?.endsOn).toBe("2026-04-30");
    } finally {
      await customerSuccess.request({
        method: "PUT",
        url: "/api/v1/review/auto-approval-rules/renew_subscription",
        payload: { enabled: true },
      });
    }
  });

  it("is the only change an expired account takes", async () => {
    const account = await activeAccount({ endsOn: "2026-03-01" });
    const response = await file(account.id, "buy_sms_credits", { credits: 10 });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("ACCOUNT_EXPIRED");
  });
});

describe("pending applications", () => {
  it("are at most one of each kind per account; a second one points to the first", async () => {
    const account = await activeAccount();
    const first = await fileOk(account.id, "edit_datapoints", { change: 10 });
    const second = await file(account.id, "edit_datapoints", { change: 20 });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      code: "APPLICATION_ALREADY_PENDING",
      pendingApplicationId: first.id,
      pendingApplication: `/api/v1/account-management/applications/${first.id}`,
    });
    // Another kind on the same account is fine.
    expect((await file(account.id, "buy_sms_credits", { credits: 10 })).statusCode).toBe(201);
  });

  it("can be withdrawn by the SuperAdmin who filed them, and no longer approved", async () => {
    const account = await activeAccount();
    const filed = await fileOk(account.id, "edit_licence", { licenceId: catalogue.otherLicenceId });
    const colleague = await createPartnerColleague();
    const notTheirs = await colleague.request({
      method: "POST",
      url: `/api/v1/account-management/applications/${filed.id}/withdraw`,
    });
    expect(notTheirs.statusCode).toBe(403);
    const withdrawn = await superAdmin.request({
      method: "POST",
      url: `/api/v1/account-management/applications/${filed.id}/withdraw`,
    });
    expect(withdrawn.json()).toMatchObject({ status: "withdrawn" });
    expect((await approve(filed.id)).json().code).toBe("APPLICATION_NOT_PENDING");
    const again = await superAdmin.request({
      method: "POST",
      url: `/api/v1/account-management/applications/${filed.id}/withdraw`,
    });
    expect(again.statusCode).toBe(409);
    // Withdrawn, the kind can be filed again.
    expect(
      (await file(account.id, "edit_licence", { licenceId: catalogue.otherLicenceId })).statusCode,
    ).toBe(201);
  });

  it("show the reviewer before → after as it would apply now, and why it no longer fits", async () => {
    const account = await activeAccount({ datapointsContracted: 100, datapointsUsed: 40 });
    const filed = await fileOk(account.id, "edit_datapoints", { change: -50 });
    const review = await customerSuccess.request({
      method: "GET",
      url: `/api/v1/review/applications/${filed.id}`,
    });
    expect(review.json()).toMatchObject({
      changes: [{ field: "datapointsContracted", before: 100, after: 50 }],
      problems: [],
    });

    // Meanwhile the platform registered more datapoints.
    await t.db.update(accounts).set({ datapointsUsed: 70 }).where(eq(accounts.id, account.id));
    const stale = await customerSuccess.request({
      method: "GET",
      url: `/api/v1/review/applications/${filed.id}`,
    });
    expect(stale.json().problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/uses 70 datapoints: at most 30/) }),
    ]);
    const refused = await approve(filed.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "APPLICATION_NO_LONGER_VALID" });
    expect((await accountById(t.db, account.id))?.datapointsContracted).toBe(100);
    // The reviewer rejects it instead.
    const rejected = await customerSuccess.request({
      method: "POST",
      url: `/api/v1/review/applications/${filed.id}/reject`,
      payload: { comment: "Usage grew meanwhile" },
    });
    expect(rejected.json().status).toBe("rejected");
  });

  it("that are each valid alone but not together: only the first approved applies", async () => {
    const account = await activeAccount({ datapointsContracted: 100, datapointsUsed: 20 });
    const target = await activeAccount();
    const removal = await fileOk(account.id, "edit_datapoints", { change: -50 });
    const move = await fileOk(account.id, "move_datapoints", {
      datapoints: 50,
      targetAccountId: target.id,
    });
    expect((await approve(removal.id)).statusCode).toBe(200);
    expect((await approve(move.id)).statusCode).toBe(409);
    expect((await accountById(t.db, account.id))?.datapointsContracted).toBe(50);
  });
});

describe("the account history", () => {
  it("lists every application with who filed and decided it, and the exact before → after", async () => {
    const account = await activeAccount({ smsCredits: 0 });
    const filed = await fileOk(account.id, "buy_sms_credits", { credits: 250 });
    await approve(filed.id, "Enjoy");
    const history = await superAdmin.request({
      method: "GET",
      url: `/api/v1/accounts/${account.id}/history`,
    });
    expect(history.json().items).toMatchObject([
      {
        event: "approved",
        actor: { name: "Customer Success" },
        comment: "Enjoy",
        application: {
          id: filed.id,
          kind: "buy_sms_credits",
          status: "approved",
          summary: "Buy 250 SMS credits",
        },
        changes: [{ field: "smsCredits", before: 0, after: 250 }],
      },
      {
        event: "filed",
        comment: "buy_sms_credits please",
        actor: { id: partner.superAdmin.id },
        changes: [],
      },
    ]);
  });

  it("cannot be edited or deleted", async () => {
    const account = await activeAccount();
    await fileOk(account.id, "buy_sms_credits", { credits: 1 });
    await expect(
      t.db.execute(
        sql`update ${accountHistory} set comment = 'edited' where account_id = ${account.id}`,
      ),
    ).rejects.toThrow();
    await expect(
      t.db.execute(sql`delete from ${accountHistory} where account_id = ${account.id}`),
    ).rejects.toThrow();
    const rows = await t.db
      .select()
      .from(accountHistory)
      .where(eq(accountHistory.accountId, account.id));
    expect(rows.map((row) => row.comment)).toEqual(["buy_sms_credits please"]);
  });
});

async function createPartnerColleague(): Promise<Session> {
  const { createUser } = await import("../auth/users.ts");
  const email = `colleague-${Date.now()}@partner.test`;
  await createUser(t.db, {
    email,
    name: "Colleague",
    password: "correct horse battery",
    role: "partner",
    partnerId: partner.id,
    userType: "super_admin",
  });
  return signIn(t.app, email);
}

describe.runIf(onPostgres)("concurrent approvals (PostgreSQL)", () => {
  it("apply two opposite moves between the same accounts without deadlock, conserving the total", async () => {
    for (let round = 0; round < 5; round++) {
      const a = await activeAccount({ datapointsContracted: 500, datapointsUsed: 0 });
      const b = await activeAccount({ datapointsContracted: 500, datapointsUsed: 0 });
      const aToB = await fileOk(a.id, "move_datapoints", {
        datapoints: 100,
        targetAccountId: b.id,
      });
      const bToA = await fileOk(b.id, "move_datapoints", { datapoints: 30, targetAccountId: a.id });
      const results = await Promise.all([approve(aToB.id), approve(bToA.id)]);
      expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
      const [after, afterB] = [await accountById(t.db, a.id), await accountById(t.db, b.id)];
      expect([after?.datapointsContracted, afterB?.datapointsContracted]).toEqual([430, 570]);
    }
  });

  it("approve only one of two removals that do not fit together", async () => {
    for (let round = 0; round < 5; round++) {
      const account = await activeAccount({ datapointsContracted: 100, datapointsUsed: 20 });
      const target = await activeAccount();
      const removal = await fileOk(account.id, "edit_datapoints", { change: -50 });
      const move = await fileOk(account.id, "move_datapoints", {
        datapoints: 50,
        targetAccountId: target.id,
      });
      const results = await Promise.all([approve(removal.id), approve(move.id)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect((await accountById(t.db, account.id))?.datapointsContracted).toBe(50);
    }
  });

  it("keep a removal's rule whatever datapoints are registered meanwhile", async () => {
    for (let round = 0; round < 5; round++) {
      const account = await activeAccount({ datapointsContracted: 100, datapointsUsed: 40 });
      const removal = await fileOk(account.id, "edit_datapoints", { change: -50 });
      // The platform registers 20 more datapoints at the moment the removal is approved.
      const register = t.db.execute(
        sql`update ${accounts} set datapoints_used = datapoints_used + 20 where id = ${account.id} and datapoints_used + 20 <= datapoints_contracted`,
      );
      const [approval] = await Promise.all([approve(removal.id), register]);
      const after = await accountById(t.db, account.id);
      expect(after?.datapointsUsed).toBeLessThanOrEqual(after?.datapointsContracted ?? 0);
      if (approval.statusCode === 200)
        expect(after).toMatchObject({ datapointsContracted: 50, datapointsUsed: 40 });
      else expect(after).toMatchObject({ datapointsContracted: 100, datapointsUsed: 60 });
    }
  });
});
