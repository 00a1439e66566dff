/**
 * Correctness under concurrency. These run on PGlite too (where they pass trivially, since PGlite
 * serialises everything) and mean something on PostgreSQL, where the requests really race: several
 * pooled connections, and two server instances with a pool each.
 */
import { and, asc, count, desc, eq, sum } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATAPOINT_KINDS } from "../../shared/domain/datapoints.ts";
import { accounts, datapoints, events, smsSpendings, usageLedger } from "../db/schema/index.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
  type PartnerFixture,
} from "../test/factories.ts";
import { onPostgres, signIn, startTestApp, type TestApp } from "../test/harness.ts";

const NOW = "2026-03-15T10:00:00Z";

let t: TestApp;
/** A second server instance on the same database (with a pool of its own on PostgreSQL). */
let second: TestApp;
let catalogue: Catalogue;
let partner: PartnerFixture;
let secret: string;

beforeAll(async () => {
  t = await startTestApp({ now: NOW });
  second = onPostgres
    ? await startTestApp({ now: NOW })
    : await startTestApp({ now: NOW, db: t.db });
  catalogue = await createCatalogue(t.db);
  partner = await createPartner(t.db);
  const customerSuccess = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
  const created = await customerSuccess.request({
    method: "POST",
    url: "/api/v1/api-keys",
    payload: { name: "Platform" },
  });
  secret = created.json().secret;
});
afterAll(async () => {
  await second.close();
  await t.close();
});

function post(
  app: TestApp,
  url: string,
  body: object,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.app.inject({
    method: "POST",
    url,
    headers: { authorization: `Bearer ${secret}`, ...headers },
    payload: body,
  });
}

const meter = (externalId: string, kind: string = "meter") => ({
  externalId,
  name: `Datapoint ${externalId}`,
  deviceName: "Main meter",
  kind,
});

async function counts(accountId: string) {
  const [account] = await t.db.select().from(accounts).where(eq(accounts.id, accountId));
  const [billable] = await t.db
    .select({ value: count() })
    .from(datapoints)
    .where(and(eq(datapoints.accountId, accountId), eq(datapoints.billable, true)));
  return {
    contracted: account?.datapointsContracted,
    used: account?.datapointsUsed,
    billable: billable?.value,
  };
}

/** The ledger's sums and the counters, which must always agree. */
async function ledgerAndCounters(accountId: string) {
  const [account] = await t.db.select().from(accounts).where(eq(accounts.id, accountId));
  const [sums] = await t.db
    .select({
      datapoints: sum(usageLedger.datapointsDelta).mapWith(Number),
      smsCredits: sum(usageLedger.smsCreditsDelta).mapWith(Number),
    })
    .from(usageLedger)
    .where(eq(usageLedger.accountId, accountId));
  const [last] = await t.db
    .select()
    .from(usageLedger)
    .where(eq(usageLedger.accountId, accountId))
    .orderBy(desc(usageLedger.position))
    .limit(1);
  return {
    counters: { datapoints: account?.datapointsUsed, smsCredits: account?.smsCredits },
    ledger: sums,
    lastRow: { datapoints: last?.datapointsUsed, smsCredits: last?.smsCredits },
  };
}

async function expectLedgerToAgree(accountId: string) {
  const { counters, ledger, lastRow } = await ledgerAndCounters(accountId);
  expect(ledger).toEqual(counters);
  expect(lastRow).toEqual(counters);
}

async function eventsOf(accountId: string) {
  const rows = await t.db
    .select({ type: events.type, data: events.data })
    .from(events)
    .where(eq(events.accountId, accountId))
    .orderBy(asc(events.position));
  return rows;
}

/** An account with only `left` datapoints left of 100. */
async function accountWithLeft(left: number) {
  const account = await createAccount(t.db, partner.id, catalogue, { datapointsContracted: 100 });
  const url = `/api/v1/usage/accounts/${account.id}/datapoints`;
  const filled = await post(t, url, {
    datapoints: Array.from({ length: 100 - left }, (_, i) => meter(`filled-${i}`)),
  });
  expect(filled.json().datapoints.left).toBe(left);
  return { account, url };
}

function tally(responses: LightMyRequestResponse[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const response of responses) {
    const outcome =
      response.statusCode === 200 ? "registered" : `${response.statusCode} ${response.json().code}`;
    result[outcome] = (result[outcome] ?? 0) + 1;
  }
  return result;
}

describe("racing for the last free datapoints", () => {
  it("registers exactly 10 of 64 simultaneous requests for the last 10, and refuses 54", async () => {
    const { account, url } = await accountWithLeft(10);
    const responses = await Promise.all(
      Array.from({ length: 64 }, (_, i) => post(t, url, { datapoints: [meter(`race-${i}`)] })),
    );
    expect(tally(responses)).toEqual({ registered: 10, "409 QUOTA_EXCEEDED": 54 });
    expect(await counts(account.id)).toEqual({ contracted: 100, used: 100, billable: 100 });
    await expectLedgerToAgree(account.id);
  });

  it("registers exactly 10 of 64 when two server instances share the database", async () => {
    const { account, url } = await accountWithLeft(10);
    const responses = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        post(i % 2 === 0 ? t : second, url, { datapoints: [meter(`race-${i}`)] }),
      ),
    );
    expect(tally(responses)).toEqual({ registered: 10, "409 QUOTA_EXCEEDED": 54 });
    expect(await counts(account.id)).toEqual({ contracted: 100, used: 100, billable: 100 });
    await expectLedgerToAgree(account.id);
  });

  it("counts an external id sent by several requests at once only once", async () => {
    const { account, url } = await accountWithLeft(10);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(i % 2 === 0 ? t : second, url, {
          datapoints: [meter("same"), meter(`own-${i}`, "group")],
        }),
      ),
    );
    expect(tally(responses)).toEqual({ registered: 20 });
    const registeredSame = responses.filter((r) =>
      r.json().registered.some((d: { externalId: string }) => d.externalId === "same"),
    );
    expect(registeredSame).toHaveLength(1);
    expect(await counts(account.id)).toEqual({ contracted: 100, used: 91, billable: 91 });
    await expectLedgerToAgree(account.id);
  });
});

describe("releases and registrations interleaved at random", () => {
  it("leave the stored count of used datapoints equal to the registered billable datapoints", async () => {
    const account = await createAccount(t.db, partner.id, catalogue, { datapointsContracted: 40 });
    const base = `/api/v1/usage/accounts/${account.id}/datapoints`;
    const pick = <T>(items: readonly T[]): T =>
      items[Math.floor(Math.random() * items.length)] as T;
    const someIds = () =>
      Array.from(
        { length: 1 + Math.floor(Math.random() * 5) },
        () => `dp-${Math.floor(Math.random() * 60)}`,
      ).filter((id, index, all) => all.indexOf(id) === index);
    const outcomes: number[] = [];

    const worker = async (w: number) => {
      for (let step = 0; step < 30; step++) {
        const app = Math.random() < 0.5 ? t : second;
        const response =
          Math.random() < 0.6
            ? await post(app, base, {
                datapoints: someIds().map((id) => meter(id, pick(DATAPOINT_KINDS))),
              })
            : await post(
                app,
                `${base}/release`,
                { externalIds: someIds() },
                {
                  "idempotency-key": `release-${w}-${step}`,
                },
              );
        outcomes.push(response.statusCode);
        if (response.statusCode !== 200) expect(response.json().code).toBe("QUOTA_EXCEEDED");
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));

    expect(outcomes).toHaveLength(240);
    const { contracted, used, billable } = await counts(account.id);
    expect(used).toBe(billable);
    expect(used).toBeLessThanOrEqual(contracted ?? 0);
    await expectLedgerToAgree(account.id);
  });
});

describe("simultaneous requests with one Idempotency-Key", () => {
  it("do it once and all get the same answer", async () => {
    const { account, url } = await accountWithLeft(10);
    const body = { datapoints: [meter("a"), meter("b"), meter("c")] };
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post(i % 2 === 0 ? t : second, url, body, { "idempotency-key": "same-retry" }),
      ),
    );
    expect(tally(responses)).toEqual({ registered: 10 });
    const answers = new Set(responses.map((r) => r.body));
    expect(answers.size).toBe(1);
    expect(responses.filter((r) => r.headers["idempotent-replayed"] === "true")).toHaveLength(9);
    expect(await counts(account.id)).toMatchObject({ used: 93, billable: 93 });
    await expectLedgerToAgree(account.id);
  });
});

describe("spending SMS credits at once", () => {
  it("never spends more than the balance", async () => {
    const account = await createAccount(t.db, partner.id, catalogue, { smsCredits: 100 });
    const url = `/api/v1/usage/accounts/${account.id}/sms-credits/spend`;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post(i % 2 === 0 ? t : second, url, { credits: 3 })),
    );
    expect(tally(responses)).toEqual({ registered: 33, "409 INSUFFICIENT_SMS_CREDITS": 17 });
    const [stored] = await t.db.select().from(accounts).where(eq(accounts.id, account.id));
    const [spent] = await t.db
      .select({ value: sum(smsSpendings.credits) })
      .from(smsSpendings)
      .where(eq(smsSpendings.accountId, account.id));
    expect(stored?.smsCredits).toBe(1);
    expect(Number(spent?.value)).toBe(99);
    await expectLedgerToAgree(account.id);
  });

  it("warns once that the credits are low, however many spendings fall below the level together", async () => {
    const account = await createAccount(t.db, partner.id, catalogue, { smsCredits: 60 });
    const url = `/api/v1/usage/accounts/${account.id}/sms-credits/spend`;
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => post(i % 2 === 0 ? t : second, url, { credits: 2 })),
    );
    expect(tally(responses)).toEqual({ registered: 30 });
    const warnings = (await eventsOf(account.id)).filter((e) => e.type === "sms_credits.low");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.data).toEqual({ accountId: account.id, smsCreditsLeft: 18, level: 20 });
    await expectLedgerToAgree(account.id);
  });
});

describe("registrations that cross a usage threshold together", () => {
  it("announce each threshold exactly once, from either instance", async () => {
    const { account, url } = await accountWithLeft(30);
    // 30 single registrations at once take the account from 70 % through 80 % to 100 %.
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post(i % 2 === 0 ? t : second, url, { datapoints: [meter(`cross-${i}`)] }),
      ),
    );
    expect(tally(responses)).toEqual({ registered: 30 });
    const crossings = (await eventsOf(account.id)).filter(
      (e) => e.type === "usage.threshold_reached",
    );
    expect(crossings.map((e) => e.data)).toEqual([
      { accountId: account.id, threshold: 80, datapointsUsed: 80, datapointsContracted: 100 },
      { accountId: account.id, threshold: 100, datapointsUsed: 100, datapointsContracted: 100 },
    ]);
    await expectLedgerToAgree(account.id);
  });
});
