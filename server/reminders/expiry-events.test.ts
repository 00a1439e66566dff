/**
 * `account.expiring` and `account.expired` from the sweep: once per account and term, whatever the
 * number of sweeps and instances, late after a downtime but not forever, afresh after a renewal.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../shared/domain/calendar.ts";
import { openDatabase, refreshStatistics } from "../db/client.ts";
import { accounts, events, partners } from "../db/schema/index.ts";
import { ofAccount, ofPartner, recordedEvents } from "../test/events.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createPartner,
} from "../test/factories.ts";
import { onPostgres, startTestApp, type TestApp } from "../test/harness.ts";
import { queryPlan } from "../test/query-plan.ts";
import { dueExpiriesQuery, EXPIRY_EVENT_LOOKBACK_DAYS } from "./expiry-events.ts";

const TODAY = "2026-05-01";

let t: TestApp;
let catalogue: Catalogue;

beforeAll(async () => {
  // Sweeps read every partner's accounts: a database of this file's own.
  t = await startTestApp({ isolated: true, now: `${TODAY}T09:00:00Z` });
  catalogue = await createCatalogue(t.db);
});
afterAll(() => t.close());

const at = (day: string) => t.clock.set(`${day}T09:00:00Z`);
const sweepTwice = async () => [await t.app.lifecycle.sweep(), await t.app.lifecycle.sweep()];

describe("account.expiring", () => {
  it("tells 30, 7 and 0 days left once each, in the transaction of the reminder, across two sweeps a day", async () => {
    at(TODAY);
    const partner = await createPartner(t.db);
    const account = await createAccount(t.db, partner.id, catalogue, {
      endsOn: addDays(TODAY, 30),
    });
    for (const day of [0, 1, 23, 24, 30]) {
      at(addDays(TODAY, day));
      await sweepTwice();
    }

    const expiring = (await recordedEvents(t.db, ofAccount(account.id))).filter(
      (e) => e.type === "account.expiring",
    );
    expect(expiring.map((e) => e.data)).toEqual(
      [30, 7, 0].map((daysLeft) => ({
        accountId: account.id,
        accountName: account.name,
        endsOn: account.endsOn,
        daysLeft,
      })),
    );
    expect(expiring.map((e) => e.occurredAt)).toEqual([
      `${TODAY}T09:00:00.000Z`,
      `${addDays(TODAY, 23)}T09:00:00.000Z`,
      `${addDays(TODAY, 30)}T09:00:00.000Z`,
    ]);
    expect(expiring.every((e) => e.partnerId === partner.id)).toBe(true);
  });
});

describe("account.expired", () => {
  it("is told once, by the first sweep on the end date, and not by the sweeps before or after", async () => {
    at(TODAY);
    const partner = await createPartner(t.db);
    const account = await createAccount(t.db, partner.id, catalogue, {
      endsOn: addDays(TODAY, 2),
    });
    at(addDays(TODAY, 1));
    await sweepTwice();
    expect(await expiredOf(account.id)).toEqual([]);

    at(addDays(TODAY, 2));
    const [first, second] = await sweepTwice();
    expect(first?.expired).toBeGreaterThanOrEqual(1);
    expect(second?.expired).toBe(0);
    at(addDays(TODAY, 9));
    await sweepTwice();

    const expired = await expiredOf(account.id);
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({
      partnerId: partner.id,
      accountId: account.id,
      occurredAt: `${addDays(TODAY, 2)}T09:00:00.000Z`,
      data: { accountId: account.id, accountName: account.name, endsOn: account.endsOn },
    });
    // On the end date the last reminder is told too, before the expiry.
    const types = (await recordedEvents(t.db, ofAccount(account.id))).map((e) => e.type);
    expect(types.slice(-2)).toEqual(["account.expiring", "account.expired"]);
  });

  it("follows the partner's time zone: in Auckland the account has expired while it is still the day before in UTC", async () => {
    const partner = await createPartner(t.db, { timeZone: "Pacific/Auckland" });
    const account = await createAccount(t.db, partner.id, catalogue, {
      endsOn: addDays(TODAY, 1),
    });
    // 13:00 UTC on the 1st is 01:00 on the 2nd in Auckland.
    t.clock.set(`${TODAY}T13:00:00Z`);
    await sweepTwice();
    expect(await expiredOf(account.id)).toHaveLength(1);
  });

  it("after a downtime, is told late, but not for a term that ended longer ago than the look-back", async () => {
    at(TODAY);
    const partner = await createPartner(t.db);
    const late = await createAccount(t.db, partner.id, catalogue, {
      endsOn: addDays(TODAY, -EXPIRY_EVENT_LOOKBACK_DAYS),
    });
    const tooLate = await createAccount(t.db, partner.id, catalogue, {
      endsOn: addDays(TODAY, -EXPIRY_EVENT_LOOKBACK_DAYS - 1),
    });
    await sweepTwice();
    expect(await expiredOf(late.id)).toHaveLength(1);
    expect(await expiredOf(tooLate.id)).toEqual([]);
    // No late reminder goes with it: its moment has passed.
    const types = (await recordedEvents(t.db, ofPartner(partner.id))).map((e) => e.type);
    expect(types).toEqual(["account.expired"]);
  });

  it("after a renewal of an expired account, is told again when the new term ends, once", async () => {
    at(TODAY);
    const partner = await createPartner(t.db);
    const account = await createAccount(t.db, partner.id, catalogue, { endsOn: TODAY });
    await sweepTwice();
    // Renewed three days later, for a year from then.
    const renewedTo = addDays(TODAY, 368);
    await t.db
      .update(accounts)
      .set({ startsOn: addDays(TODAY, 3), endsOn: renewedTo })
      .where(eq(accounts.id, account.id));
    at(addDays(TODAY, 3));
    await sweepTwice();
    expect((await expiredOf(account.id)).map((e) => e.data)).toEqual([
      { accountId: account.id, accountName: account.name, endsOn: TODAY },
    ]);

    at(renewedTo);
    await sweepTwice();
    at(addDays(renewedTo, 1));
    await sweepTwice();
    expect((await expiredOf(account.id)).map((e) => e.data.endsOn)).toEqual([TODAY, renewedTo]);
  });

  it("is never told for a term renewed before its end", async () => {
    at(TODAY);
    const partner = await createPartner(t.db);
    const account = await createAccount(t.db, partner.id, catalogue, {
      endsOn: addDays(TODAY, 5),
    });
    await t.db
      .update(accounts)
      .set({ endsOn: addDays(TODAY, 370) })
      .where(eq(accounts.id, account.id));
    at(addDays(TODAY, 5));
    await sweepTwice();
    expect(await expiredOf(account.id)).toEqual([]);
  });
});

describe("the expiry sweep's cost", () => {
  it("reads only the accounts that ended within the look-back, through an index on the end date", async () => {
    const partner = await createPartner(t.db);
    // 20,000 accounts over four years, of which about 1 in 50 ended in the last 30 days.
    await t.db.execute(sql`
      insert into ${accounts} (partner_id, name, customer_name, country, sector_code, licence_id,
        starts_on, ends_on, datapoints_contracted)
      select ${partner.id}, 'Swept ' || n, 'Customer', 'GB', ${catalogue.sectorCode}, ${catalogue.licenceId},
        date '2022-01-01', date '2024-06-01' + (n % 1460), 100
      from generate_series(1, 20000) as n`);
    await refreshStatistics(t.db, [accounts, partners]);
    const query = dueExpiriesQuery(t.db, new Date(`${TODAY}T09:00:00Z`), 500).getSQL();
    const plan = await queryPlan(t.db, query);
    expect(plan).toMatch(
      /Index (Only )?Scan using accounts_(partner_)?ends_on_idx|Bitmap Index Scan on accounts_(partner_)?ends_on_idx/,
    );
    expect(plan).not.toMatch(/Seq Scan on accounts/);
  });
});

async function expiredOf(accountId: string) {
  return (await recordedEvents(t.db, ofAccount(accountId))).filter(
    (e) => e.type === "account.expired",
  );
}

describe.runIf(onPostgres)("two server instances at once (PostgreSQL)", () => {
  it("tell each account's expiry and each stage of expiring exactly once while both sweep", async () => {
    const url = t.databaseUrl;
    if (!url) throw new Error("an isolated PostgreSQL database has a URL");
    const second = await openDatabase({ kind: "postgres", url, poolSize: 10 });
    const other = await startTestApp({ db: second.db, now: `${TODAY}T09:00:00Z` });
    try {
      const partner = await createPartner(t.db);
      const ids: string[] = [];
      for (let n = 0; n < 60; n++) {
        const account = await createAccount(t.db, partner.id, catalogue, {
          endsOn: addDays(TODAY, (n % 12) - 4),
        });
        ids.push(account.id);
      }
      for (const day of [0, 3, 8]) {
        for (const instance of [t, other]) instance.clock.set(`${addDays(TODAY, day)}T09:00:00Z`);
        await Promise.all([
          t.app.lifecycle.sweep(),
          other.app.lifecycle.sweep(),
          t.app.lifecycle.sweep(),
          other.app.lifecycle.sweep(),
        ]);
      }
      const rows = await t.db
        .select({ accountId: events.accountId, type: events.type, data: events.data })
        .from(events)
        .where(and(eq(events.partnerId, partner.id), inArray(events.accountId, ids)));
      const expired = rows.filter((r) => r.type === "account.expired");
      // Every account ends between 4 days ago and 7 days ahead: by day 8 each has expired, once.
      expect(expired).toHaveLength(60);
      expect(new Set(expired.map((r) => r.accountId)).size).toBe(60);
      const expiring = rows
        .filter((r) => r.type === "account.expiring")
        .map((r) => `${r.accountId} ${String(r.data.daysLeft)}`);
      expect(new Set(expiring).size).toBe(expiring.length);
    } finally {
      await other.close();
      await second.close();
    }
  }, 120_000);
});
