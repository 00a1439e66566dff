/**
 * The sweep's bounds and its behaviour with several instances: batches of a limited size, a plan
 * that reads only the accounts near their end date, and two instances sweeping and delivering at
 * once on PostgreSQL without doubling anything.
 */
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../shared/domain/calendar.ts";
import { type Database, openDatabase, refreshStatistics } from "../db/client.ts";
import { accountReminders, accounts, mailOutbox, partners } from "../db/schema/index.ts";
import { createNotices } from "../notices/notices.ts";
import { dueAccountsQuery, sweepReminders } from "../reminders/sweep.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createPartner,
} from "../test/factories.ts";
import { onPostgres, startTestApp, type TestApp } from "../test/harness.ts";
import { queryPlan } from "../test/query-plan.ts";
import { startSmtpSink } from "../test/smtp.ts";

const NOW = "2026-05-01T09:00:00Z";
const TODAY = "2026-05-01";

let t: TestApp;
let catalogue: Catalogue;

beforeAll(async () => {
  t = await startTestApp({ isolated: true, now: NOW, config: { SWEEP_BATCH_SIZE: "5" } });
  catalogue = await createCatalogue(t.db);
});
afterAll(() => t.close());

async function remindersOfPartner(partnerId: string): Promise<number> {
  const [row] = await t.db
    .select({ value: count() })
    .from(accountReminders)
    .where(eq(accountReminders.partnerId, partnerId));
  return row?.value ?? 0;
}

/** Accounts of a new partner ending `days` days from today, as many as asked. */
async function accountsEndingIn(days: number[], db: Database = t.db) {
  const partner = await createPartner(db);
  for (const day of days) {
    await createAccount(db, partner.id, catalogue, { endsOn: addDays(TODAY, day) });
  }
  return partner;
}

describe("the sweep's batches", () => {
  it("takes at most a batch of accounts at a time, and the run goes on until none is due", async () => {
    const partner = await accountsEndingIn([0, 1, 2, 3, 5, 7, 8, 12, 20, 29, 30, 31, 45, -1]);
    const notices = createNotices("http://localhost:3000");
    const first = await sweepReminders({ db: t.db, notices, now: t.clock.now(), batchSize: 5 });
    expect(first).toMatchObject({ reminders: 5, more: true });

    expect(await t.app.lifecycle.sweep()).toMatchObject({ reminders: 6 });
    expect(await t.app.lifecycle.sweep()).toMatchObject({ reminders: 0 });
    // 11 accounts end within 0 to 30 days; the one 31 days out, 45 days out or past has none due.
    expect(await remindersOfPartner(partner.id)).toBe(11);
  });

  it("reads only the accounts near their end date, through the index on it", async () => {
    const partner = await createPartner(t.db);
    // 20,000 accounts over four years, of which about 1 in 50 end in the next 30 days.
    await t.db.execute(sql`
      insert into ${accounts} (partner_id, name, customer_name, country, sector_code, licence_id,
        starts_on, ends_on, datapoints_contracted)
      select ${partner.id}, 'Plan ' || n, 'Customer', 'GB', ${catalogue.sectorCode}, ${catalogue.licenceId},
        date '2025-01-01', date '2026-04-01' + (n % 1460), 100
      from generate_series(1, 20000) as n`);
    await refreshStatistics(t.db, [accounts, partners]);
    const query = dueAccountsQuery(t.db, t.clock.now(), 500).getSQL();
    const plan = await queryPlan(t.db, query);
    // Either index that orders accounts by end date will do (the lists' one leads with the
    // partner), as long as the end dates bound what it reads.
    expect(plan).toMatch(
      /(Index (Only )?Scan using|Bitmap Index Scan on) accounts_(partner_)?ends_on_idx[^\n]*\n\s*Index Cond: \([^\n]*ends_on >= /,
    );
    expect(plan).not.toMatch(/Seq Scan on accounts/);
  });
});

describe.runIf(onPostgres)("two server instances at once (PostgreSQL)", () => {
  it("send every reminder exactly once while both sweep and deliver", async () => {
    const smtp = await startSmtpSink();
    const isolated = await startTestApp({
      isolated: true,
      now: NOW,
      config: { SMTP_URL: smtp.url, SWEEP_BATCH_SIZE: "25", MAIL_BATCH_SIZE: "40" },
    });
    const url = isolated.databaseUrl;
    if (!url) throw new Error("an isolated PostgreSQL database has a URL");
    const second = await openDatabase({ kind: "postgres", url, poolSize: 10 });
    const other = await startTestApp({
      db: second.db,
      now: NOW,
      config: { SMTP_URL: smtp.url, SWEEP_BATCH_SIZE: "25", MAIL_BATCH_SIZE: "40" },
    });
    try {
      const local = await createCatalogue(isolated.db);
      const remindedBy = { first: 0, second: 0 };
      // 300 accounts over 3 partners, ending 0 to 40 days ahead.
      for (let p = 0; p < 3; p++) {
        const partner = await createPartner(isolated.db);
        for (let n = 0; n < 100; n++) {
          await createAccount(isolated.db, partner.id, local, { endsOn: addDays(TODAY, n % 41) });
        }
      }
      // Three moments: today, a week on, and 31 days on (every end date has come by then).
      for (const day of [0, 7, 31]) {
        for (const instance of [isolated, other])
          instance.clock.set(`${addDays(TODAY, day)}T09:00:00Z`);
        const runs = await Promise.all([
          isolated.app.lifecycle.tick(),
          other.app.lifecycle.tick(),
          isolated.app.lifecycle.tick(),
          other.app.lifecycle.tick(),
        ]);
        runs.forEach((run, i) => {
          remindedBy[i % 2 === 0 ? "first" : "second"] += run.sweep.reminders;
        });
        // Deliver what is left, still from both at once.
        for (let round = 0; round < 10; round++) {
          await Promise.all([isolated.app.lifecycle.dispatch(), other.app.lifecycle.dispatch()]);
        }
      }

      const reminders = await isolated.db
        .select({
          accountId: accountReminders.accountId,
          stage: accountReminders.stage,
          endsOn: accountReminders.endsOn,
        })
        .from(accountReminders);
      const keys = reminders.map((r) => `${r.accountId} ${r.stage}`);
      expect(new Set(keys).size).toBe(keys.length);
      const [queued] = await isolated.db.select({ value: count() }).from(mailOutbox);
      const [unsent] = await isolated.db
        .select({ value: count() })
        .from(mailOutbox)
        .where(sql`${mailOutbox.status} <> 'sent'`);
      expect(unsent?.value).toBe(0);
      // One SuperAdmin per partner: one e-mail per reminder, each received once.
      expect(queued?.value).toBe(reminders.length);
      expect(smtp.received).toHaveLength(reminders.length);
      expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(reminders.length);
      // Each account has had the reminders due on the days swept, and no more.
      const expected = (endsIn: number) =>
        [0, 7, 31].reduce((stages, day) => {
          const left = endsIn - day;
          if (left < 0 || left > 30) return stages;
          const stage = left === 0 ? "on_the_day" : left <= 7 ? "7_days" : "30_days";
          return stages.add(stage);
        }, new Set<string>()).size;
      const total = [...Array(300).keys()].reduce((sum, n) => sum + expected((n % 100) % 41), 0);
      expect(reminders).toHaveLength(total);
      // Both instances did part of the work; together, all of it, once.
      expect(remindedBy.first).toBeGreaterThan(0);
      expect(remindedBy.second).toBeGreaterThan(0);
      expect(remindedBy.first + remindedBy.second).toBe(total);
    } finally {
      await other.close();
      await second.close();
      await isolated.close();
      await smtp.close();
    }
  }, 120_000);
});
