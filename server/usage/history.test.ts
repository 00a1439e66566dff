/** An account's usage history, read from the ledger, by day, week and month of the partner's calendar. */
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

let t: TestApp;
let superAdmin: Session;
let stranger: Session;
let accountId: string;
let secret: string;

function usage(path: string, body: object): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: "POST",
    url: `/api/v1/usage/accounts/${accountId}/${path}`,
    headers: { authorization: `Bearer ${secret}` },
    payload: body,
  });
}

const meters = (...ids: string[]) => ({
  datapoints: ids.map((id) => ({ externalId: id, name: id, deviceName: "Main", kind: "meter" })),
});
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `m-${from + i}`);

beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T10:00:00Z" });
  const catalogue = await createCatalogue(t.db);
  const partner = await createPartner(t.db, { timeZone: "Europe/Madrid" });
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  stranger = await signIn(t.app, (await createPartner(t.db)).superAdmin.email);
  const customerSuccess = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
  secret = (
    await customerSuccess.request({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "Platform" },
    })
  ).json().secret;
  // Opened on 1 January 2026 (the factory opens the ledger when the term begins).
  accountId = (
    await createAccount(t.db, partner.id, catalogue, { endsOn: "2027-01-01", smsCredits: 50 })
  ).id;

  const at = async (instant: string, path: string, body: object) => {
    t.clock.set(instant);
    const response = await usage(path, body);
    expect(response.statusCode, response.body).toBe(200);
  };
  await at("2026-03-02T10:00:00Z", "datapoints", meters(...range(1, 10)));
  // 23:30 on the 3rd in Madrid.
  await at("2026-03-03T22:30:00Z", "datapoints", meters(...range(11, 15)));
  // 00:30 on the 4th in Madrid, though still the 3rd in UTC.
  await at("2026-03-03T23:30:00Z", "datapoints/release", { externalIds: ["m-1", "m-2"] });
  await at("2026-03-10T09:00:00Z", "sms-credits/spend", { credits: 7 });
  await at("2026-04-01T09:00:00Z", "datapoints", meters(...range(16, 18)));
});
afterAll(() => t.close());

const history = (query: string, session = superAdmin) =>
  session.request({ method: "GET", url: `/api/v1/usage/accounts/${accountId}/history?${query}` });

/** A period in short: start, used/contracted, +registered −released, SMS spent/left. */
function brief(response: LightMyRequestResponse): string[] {
  expect(response.statusCode, response.body).toBe(200);
  return response
    .json()
    .periods.map(
      (p: {
        start: string;
        end: string;
        datapoints: { used: number; contracted: number; registered: number; released: number };
        smsCredits: { spent: number; left: number };
      }) =>
        `${p.start}..${p.end} ${p.datapoints.used}/${p.datapoints.contracted} +${p.datapoints.registered} -${p.datapoints.released} sms ${p.smsCredits.spent}/${p.smsCredits.left}`,
    );
}

describe("an account's usage history", () => {
  it("shows each day in the partner's time zone, with what changed and where it ended", async () => {
    expect(brief(await history("from=2026-03-02&to=2026-03-05&interval=day"))).toEqual([
      "2026-03-02..2026-03-02 10/100 +10 -0 sms 0/50",
      "2026-03-03..2026-03-03 15/100 +5 -0 sms 0/50",
      "2026-03-04..2026-03-04 13/100 +0 -2 sms 0/50",
      "2026-03-05..2026-03-05 13/100 +0 -0 sms 0/50",
    ]);
  });

  it("shows whole weeks from Monday to Sunday", async () => {
    expect(brief(await history("from=2026-03-04&to=2026-03-10&interval=week"))).toEqual([
      "2026-03-02..2026-03-08 13/100 +15 -2 sms 0/50",
      "2026-03-09..2026-03-15 13/100 +0 -0 sms 7/43",
    ]);
  });

  it("shows calendar months, with nothing before the account opened", async () => {
    expect(brief(await history("from=2025-12-15&to=2026-04-30&interval=month"))).toEqual([
      "2025-12-01..2025-12-31 null/null +0 -0 sms 0/null",
      "2026-01-01..2026-01-31 0/100 +0 -0 sms 0/50",
      "2026-02-01..2026-02-28 0/100 +0 -0 sms 0/50",
      "2026-03-01..2026-03-31 13/100 +15 -2 sms 7/43",
      "2026-04-01..2026-04-30 16/100 +3 -0 sms 0/43",
    ]);
  });

  it.each([
    ["a last date before the first", "from=2026-03-05&to=2026-03-01&interval=day"],
    ["a date that is not YYYY-MM-DD", "from=2026-3-1&to=2026-03-05&interval=day"],
    ["an interval it does not know", "from=2026-03-01&to=2026-03-05&interval=year"],
    ["more than 400 days", "from=2025-01-01&to=2026-03-05&interval=day"],
    ["no dates", "interval=day"],
  ])("refuses %s", async (_what, query) => {
    const response = await history(query);
    expect(response.statusCode).toBe(400);
  });

  it("is not found for another partner's people", async () => {
    expect((await history("from=2026-03-01&to=2026-03-05", stranger)).statusCode).toBe(404);
  });

  it("is open to the integrations that reach the account", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/v1/usage/accounts/${accountId}/history?from=2026-03-02&to=2026-03-02`,
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(brief(response)).toEqual(["2026-03-02..2026-03-02 10/100 +10 -0 sms 0/50"]);
  });
});
