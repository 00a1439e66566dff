/**
 * Usage thresholds: announced once per crossing (an event, and an e-mail to the SuperAdmins), again
 * only after usage went back below or the contract grew; the e-mails once across instances. On an
 * isolated database, since the mail reader reads every partner's events.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thresholdReached } from "../../shared/domain/events.ts";
import { openDatabase, queryRows } from "../db/client.ts";
import { events, mailOutbox, usageLedger } from "../db/schema/index.ts";
import { eventsReadable } from "../test/events.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
  newAccountRequest,
  type PartnerFixture,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { thresholdSql } from "./ledger.ts";

const NOW = "2026-03-15T10:00:00Z";

let t: TestApp;
let second: TestApp;
let closeSecondDatabase: () => Promise<void> = async () => {};
let catalogue: Catalogue;
let partner: PartnerFixture;
let superAdmin: Session;
let customerSuccess: Session;
let secret: string;

beforeAll(async () => {
  t = await startTestApp({ isolated: true, now: NOW });
  if (t.databaseUrl) {
    const database = await openDatabase({ kind: "postgres", url: t.databaseUrl, poolSize: 5 });
    closeSecondDatabase = database.close;
    second = await startTestApp({ db: database.db, now: NOW });
  } else {
    second = await startTestApp({ db: t.db, now: NOW });
  }
  catalogue = await createCatalogue(t.db);
  partner = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  customerSuccess = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
  const created = await customerSuccess.request({
    method: "POST",
    url: "/api/v1/api-keys",
    payload: { name: "Platform" },
  });
  secret = created.json().secret;
});
afterAll(async () => {
  await second.close();
  await closeSecondDatabase();
  await t.close();
});

function post(url: string, body: object, app: TestApp = t): Promise<LightMyRequestResponse> {
  return app.app.inject({
    method: "POST",
    url: `/api/v1/usage/accounts/${url}`,
    headers: { authorization: `Bearer ${secret}` },
    payload: body,
  });
}

let serial = 0;
/** Registers `n` new billable datapoints. */
async function register(accountId: string, n: number) {
  const response = await post(`${accountId}/datapoints`, {
    datapoints: Array.from({ length: n }, () => {
      serial++;
      return { externalId: `m-${serial}`, name: `M ${serial}`, deviceName: "Main", kind: "meter" };
    }),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().registered.map((d: { externalId: string }) => d.externalId) as string[];
}

async function release(accountId: string, externalIds: string[]) {
  const response = await post(`${accountId}/datapoints/release`, { externalIds });
  expect(response.statusCode, response.body).toBe(200);
}

async function spend(accountId: string, credits: number) {
  const response = await post(`${accountId}/sms-credits/spend`, { credits });
  expect(response.statusCode, response.body).toBe(200);
}

async function announced(accountId: string) {
  const rows = await t.db
    .select({ type: events.type, data: events.data })
    .from(events)
    .where(
      and(
        eq(events.accountId, accountId),
        inArray(events.type, ["usage.threshold_reached", "sms_credits.low"]),
      ),
    )
    .orderBy(asc(events.position));
  return rows.map((row) =>
    row.type === "usage.threshold_reached"
      ? `${(row.data as { threshold: number }).threshold} %`
      : row.type === "sms_credits.low"
        ? `SMS low at ${(row.data as { smsCreditsLeft: number }).smsCreditsLeft}`
        : row.type,
  );
}

async function approved(accountId: string, kind: string, payload: object) {
  const filed = await superAdmin.request({
    method: "POST",
    url: "/api/v1/account-management/applications",
    payload: { kind, accountId, payload, comment: "" },
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const decided = await customerSuccess.request({
    method: "POST",
    url: `/api/v1/review/applications/${filed.json().id}/approve`,
    payload: { comment: "Approved" },
  });
  expect(decided.statusCode, decided.body).toBe(200);
}

async function mailsTo(accountId: string) {
  return t.db
    .select({
      topic: mailOutbox.topic,
      recipient: mailOutbox.recipient,
      subject: mailOutbox.subject,
    })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.accountId, accountId),
        sql`${mailOutbox.topic} in ('usage_threshold_reached', 'sms_credits_low')`,
      ),
    )
    .orderBy(asc(mailOutbox.queuedAt), asc(mailOutbox.subject));
}

const account = (values: Parameters<typeof createAccount>[3] = {}) =>
  createAccount(t.db, partner.id, catalogue, { datapointsContracted: 100, ...values });

describe("datapoint thresholds", () => {
  it("are announced once each, at 80 % and at 100 % of the contract", async () => {
    const { id } = await account();
    await register(id, 79);
    expect(await announced(id)).toEqual([]);
    await register(id, 1);
    await register(id, 5);
    expect(await announced(id)).toEqual(["80 %"]);
    await register(id, 15);
    expect(await announced(id)).toEqual(["80 %", "100 %"]);
  });

  it("announce only the highest threshold a single batch reaches", async () => {
    const { id } = await account();
    await register(id, 100);
    expect(await announced(id)).toEqual(["100 %"]);
  });

  it("are announced again only after a release took usage back below them", async () => {
    const { id } = await account();
    const first = await register(id, 85);
    await release(id, first.slice(0, 2));
    await register(id, 1);
    // 83 → 84: still above 80 % all along, nothing new to tell.
    expect(await announced(id)).toEqual(["80 %"]);
    await release(id, first.slice(2, 10));
    await register(id, 10);
    expect(await announced(id)).toEqual(["80 %", "80 %"]);
  });

  it("are announced again after an approval grew the contract", async () => {
    const { id } = await account({ endsOn: "2026-12-31" });
    await register(id, 90);
    await approved(id, "edit_datapoints", { change: 100 });
    // 90 of 200: below 80 % again.
    await register(id, 70);
    expect(await announced(id)).toEqual(["80 %", "80 %"]);
  });

  it("reach the account's SuperAdmins by e-mail once per crossing, however often the lifecycle runs", async () => {
    const { id } = await account();
    await register(id, 80);
    await eventsReadable(t.db);
    await t.app.lifecycle.sweep();
    await t.app.lifecycle.sweep();
    const mails = await mailsTo(id);
    expect(mails).toEqual([
      {
        topic: "usage_threshold_reached",
        recipient: partner.superAdmin.email,
        subject: expect.stringContaining("80%"),
      },
    ]);
  });
});

describe("the threshold a usage reaches", () => {
  it("is the same in the database's statements as in the domain's rule", async () => {
    const cases = [20, 21, 99, 100, 101, 1200].flatMap((contracted) =>
      [0, 1, 15, 16, 79, 80, 81, 99, 100, 101, 960, 1199, 1200].map((used) => ({
        used,
        contracted,
      })),
    );
    const rows = await queryRows<{ used: number; contracted: number; reached: number }>(
      t.db,
      sql`select used, contracted, ${thresholdSql(sql`used`, sql`contracted`)} as reached
        from jsonb_to_recordset(${JSON.stringify(cases)}::jsonb) as c(used int, contracted int)`,
    );
    expect(rows.map((row) => row.reached)).toEqual(
      cases.map(({ used, contracted }) => thresholdReached(used, contracted)),
    );
  });
});

describe("SMS credits running low", () => {
  it("are announced once when the balance falls below 20, and again only after a top-up", async () => {
    const { id } = await account({ smsCredits: 30, endsOn: "2026-12-31" });
    await spend(id, 5);
    expect(await announced(id)).toEqual([]);
    await spend(id, 6);
    await spend(id, 4);
    expect(await announced(id)).toEqual(["SMS low at 19"]);
    await approved(id, "buy_sms_credits", { credits: 100 });
    await spend(id, 100);
    expect(await announced(id)).toEqual(["SMS low at 19", "SMS low at 15"]);
  });
});

describe("the e-mails of usage alerts", () => {
  it("go out once when two instances read the events at the same time", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { id } = await account({ smsCredits: 25 });
      await register(id, 100);
      await spend(id, 10);
      ids.push(id);
    }
    await eventsReadable(t.db);
    await Promise.all([
      t.app.lifecycle.sweep(),
      second.app.lifecycle.sweep(),
      t.app.lifecycle.sweep(),
      second.app.lifecycle.sweep(),
    ]);
    await Promise.all([t.app.lifecycle.sweep(), second.app.lifecycle.sweep()]);
    for (const id of ids) {
      expect((await mailsTo(id)).map((mail) => mail.topic).sort()).toEqual([
        "sms_credits_low",
        "usage_threshold_reached",
      ]);
    }
  });
});

describe("the usage ledger", () => {
  it("records each approved change of the contract or the credits with its application", async () => {
    const source = await account({ endsOn: "2026-12-31", smsCredits: 10 });
    const target = await account({ endsOn: "2026-12-31" });
    await register(source.id, 30);
    await approved(source.id, "edit_datapoints", { change: 50 });
    await approved(source.id, "buy_sms_credits", { credits: 40 });
    await approved(source.id, "move_datapoints", { targetAccountId: target.id, datapoints: 20 });
    const entries = async (accountId: string) =>
      (
        await t.db
          .select()
          .from(usageLedger)
          .where(eq(usageLedger.accountId, accountId))
          .orderBy(asc(usageLedger.position))
      ).map(
        (row) =>
          `${row.entry} ${row.datapointsDelta} ${row.smsCreditsDelta} → ${row.datapointsUsed}/${row.datapointsContracted} sms ${row.smsCredits}${row.applicationId ? " by application" : ""}`,
      );
    expect(await entries(source.id)).toEqual([
      "opened 0 10 → 0/100 sms 10",
      "registered 30 0 → 30/100 sms 10",
      "contract_changed 0 0 → 30/150 sms 10 by application",
      "contract_changed 0 40 → 30/150 sms 50 by application",
      "contract_changed 0 0 → 30/130 sms 50 by application",
    ]);
    expect(await entries(target.id)).toEqual([
      "opened 0 0 → 0/100 sms 0",
      "contract_changed 0 0 → 0/120 sms 0 by application",
    ]);
  });

  it("opens with the account an approved application creates", async () => {
    const filed = await superAdmin.request({
      method: "POST",
      url: "/api/v1/account-management/applications",
      payload: { kind: "new_account", payload: newAccountRequest(catalogue), comment: "" },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const decided = await customerSuccess.request({
      method: "POST",
      url: `/api/v1/review/applications/${filed.json().id}/approve`,
      payload: { comment: "Approved" },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const [opened] = await t.db
      .select()
      .from(usageLedger)
      .where(eq(usageLedger.applicationId, filed.json().id));
    expect(opened).toMatchObject({
      entry: "opened",
      datapointsDelta: 0,
      smsCreditsDelta: 500,
      datapointsContracted: 250,
      smsCredits: 500,
    });
  });

  it("cannot be changed or emptied once written", async () => {
    const { id } = await account();
    await register(id, 3);
    // The trigger refuses it; on the server the app's role is not even granted the change.
    const refusal = (statement: Promise<unknown>) =>
      statement.then(
        () => "allowed",
        (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
      );
    expect(
      await refusal(
        t.db.execute(sql`update ${usageLedger} set datapoints_delta = 0 where account_id = ${id}`),
      ),
    ).toMatch(/append-only: UPDATE is not allowed|permission denied/);
    expect(
      await refusal(t.db.execute(sql`delete from ${usageLedger} where account_id = ${id}`)),
    ).toMatch(/append-only: DELETE is not allowed|permission denied/);
  });
});
