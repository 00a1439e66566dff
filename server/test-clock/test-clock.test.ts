/**
 * The test clock: Customer Success moves the application's time forward and every part of the
 * system follows — zones, the account page, the usage API, sweeps — on every instance. Expiry is
 * checked at the boundary instants, where all of them must agree.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountSummary } from "../../shared/api/accounts.ts";
import { addDays } from "../../shared/domain/calendar.ts";
import { accountReminders } from "../db/schema/index.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
  type PartnerFixture,
} from "../test/factories.ts";
import { type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

describe("without TEST_CLOCK", () => {
  it("has no test-clock routes at all, and tells Customer Success there is no clock to move", async () => {
    const t = await startTestApp();
    try {
      const staff = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
      const me = await staff.request({ method: "GET", url: "/api/v1/me" });
      expect(me.json()).toMatchObject({ role: "customer_success", testClock: false });
      const read = await staff.request({ method: "GET", url: "/api/v1/test-clock" });
      expect(read.statusCode).toBe(404);
      const move = await staff.request({
        method: "POST",
        url: "/api/v1/test-clock/advance",
        payload: { duration: "P3D" },
      });
      expect(move.statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});

describe("with TEST_CLOCK=1", () => {
  // Noon on 31 December in UTC; 1 January starts in Madrid at 23:00 UTC.
  const START = "2026-12-31T12:00:00.000Z";
  let t: TestApp;
  let catalogue: Catalogue;
  let partner: PartnerFixture;
  let staff: Session;
  let superAdmin: Session;
  let accountId: string;
  let usage: (path: string) => Promise<{ status: string }>;

  beforeAll(async () => {
    t = await startTestApp({ isolated: true, now: START, config: { TEST_CLOCK: "1" } });
    catalogue = await createCatalogue(t.db);
    partner = await createPartner(t.db, { timeZone: "Europe/Madrid" });
    staff = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
    superAdmin = await signIn(t.app, partner.superAdmin.email);
    accountId = (
      await createAccount(t.db, partner.id, catalogue, { name: "New Year", endsOn: "2027-01-01" })
    ).id;
    const key = await superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "Platform" },
    });
    const authorization = `Bearer ${key.json().secret}`;
    usage = async (path) =>
      (await t.app.inject({ method: "GET", url: path, headers: { authorization } })).json();
  });
  afterAll(() => t.close());

  const clock = async () =>
    (await staff.request({ method: "GET", url: "/api/v1/test-clock" })).json();
  const advance = (duration: unknown) =>
    staff.request({ method: "POST", url: "/api/v1/test-clock/advance", payload: { duration } });

  /** What the zones, the account page and the usage API say of the account now. */
  async function everywhere() {
    const zone = async (name: string) =>
      (
        await superAdmin.request({
          method: "GET",
          url: `/api/v1/account-management/accounts?zone=${name}&q=New%20Year`,
        })
      ).json().items as AccountSummary[];
    const page = (
      await superAdmin.request({ method: "GET", url: `/api/v1/accounts/${accountId}` })
    ).json();
    return {
      active: (await zone("active")).length,
      expired: (await zone("expired")).length,
      page: page.status,
      daysLeft: page.daysLeft,
      usage: (await usage(`/api/v1/usage/accounts/${accountId}`)).status,
    };
  }

  it("is announced to Customer Success only, who alone may move it", async () => {
    const me = async (session: Session) =>
      (await session.request({ method: "GET", url: "/api/v1/me" })).json();
    expect(await me(staff)).toMatchObject({ role: "customer_success", testClock: true });
    expect(await me(superAdmin)).toMatchObject({ role: "superadmin", testClock: false });
    const read = await superAdmin.request({ method: "GET", url: "/api/v1/test-clock" });
    expect(read.statusCode).toBe(403);
  });

  it("runs at real time until moved", async () => {
    expect(await clock()).toEqual({
      now: START,
      realNow: START,
      offset: "PT0S",
      offsetMs: 0,
    });
  });

  it.each([
    ["a month, whose length varies", "P1M"],
    ["nothing", "PT0S"],
    ["more than 400 days", "P401D"],
    ["words", "tomorrow"],
    ["a number", 3],
  ])("refuses to move by %s, and stays where it was", async (_case, duration) => {
    const response = await advance(duration);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      errors: [{ field: "duration" }],
    });
    expect((await clock()).offsetMs).toBe(0);
  });

  it("moves time forward, and zones, account page and usage API agree at each side of midnight in the partner's zone", async () => {
    expect(await everywhere()).toEqual({
      active: 1,
      expired: 0,
      page: "active",
      daysLeft: 1,
      usage: "active",
    });

    const moved = await advance("PT10H59M59S"); // 23:59:59 on 31 December in Madrid
    expect(moved.json()).toMatchObject({
      now: "2026-12-31T22:59:59.000Z",
      realNow: START,
      offset: "PT10H59M59S",
    });
    expect(await everywhere()).toEqual({
      active: 1,
      expired: 0,
      page: "active",
      daysLeft: 1,
      usage: "active",
    });

    await advance("PT1S"); // midnight in Madrid: the end date has begun
    expect(await everywhere()).toEqual({
      active: 0,
      expired: 1,
      page: "expired",
      daysLeft: 0,
      usage: "expired",
    });
  });

  it("is the same clock on every instance, for requests and sweeps alike", async () => {
    const other = await startTestApp({ db: t.db, now: START, config: { TEST_CLOCK: "1" } });
    try {
      const otherStaff = await signIn(other.app, (await createCustomerSuccess(t.db)).email);
      const utc = await createPartner(t.db);
      const account = await createAccount(t.db, utc.id, catalogue, { endsOn: "2027-01-08" });
      const stages = async () =>
        (
          await t.db
            .select({ stage: accountReminders.stage })
            .from(accountReminders)
            .where(eq(accountReminders.accountId, account.id))
        ).map((r) => r.stage);

      const seen = (await otherStaff.request({ method: "GET", url: "/api/v1/test-clock" })).json();
      expect(seen.now).toBe("2026-12-31T23:00:00.000Z");
      await other.app.lifecycle.sweep();
      expect(await stages()).toEqual(["30_days"]);

      await advance("P1D"); // moved through the first instance: 7 days left on 1 January
      await other.app.lifecycle.sweep();
      await other.app.lifecycle.sweep();
      expect(await stages()).toEqual(["30_days", "7_days"]);
      const after = (await otherStaff.request({ method: "GET", url: "/api/v1/test-clock" })).json();
      expect(after).toMatchObject({ now: "2027-01-01T23:00:00.000Z", offset: "P1DT11H" });
    } finally {
      await other.app.close();
    }
  });

  it("says, when a sweep run by hand finds nothing due, how many reminders went out in the last day and when", async () => {
    const { now } = await clock();
    const utc = await createPartner(t.db);
    await createAccount(t.db, utc.id, catalogue, { endsOn: addDays(now.slice(0, 10), 20) });
    await advance("PT1M"); // moving the clock sweeps, as it does for Customer Success
    await t.app.lifecycle.sweep();

    const byHand = await staff.request({ method: "POST", url: "/api/v1/reminders/sweep" });
    const result = byHand.json();
    expect(result).toMatchObject({ reminders: 0, mails: 0 });
    expect(result.sentInLastDay).toBeGreaterThanOrEqual(1);
    const moved = (await clock()).now;
    expect(Date.parse(moved) - Date.parse(result.lastSentAt)).toBeLessThan(60 * 60_000);
  });
});
