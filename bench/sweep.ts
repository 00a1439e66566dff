/**
 * `npm run bench:sweep`: the reminder sweep's cost grows with the accounts that are due, not with
 * all accounts. On PostgreSQL (BENCH_DATABASE_URL, a database of its own per size, dropped at the
 * end) it seeds 10,000 and then 100,000 accounts with the same 1,000 due (1% of the larger one),
 * (each with a year of reminders already sent for its previous term), and times, with the real code: the due-accounts query of one batch (with its plan), a full sweep
 * that sends the 1,000 reminders, and a sweep right after, when nothing is due (medians of 3 rounds).
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type Database, openDatabase, refreshStatistics } from "../server/db/client.ts";
import {
  accountReminders,
  accounts,
  licences,
  mailOutbox,
  partners,
  sectors,
  users,
} from "../server/db/schema/index.ts";
import { createNotices } from "../server/notices/notices.ts";
import { dueAccountsQuery, sweepReminders } from "../server/reminders/sweep.ts";
import { dateIn } from "../shared/domain/calendar.ts";

const BASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SIZES = [10_000, 100_000];
const DUE = 1_000;
const PARTNERS = 20;
const BATCH = 500;
const ROUNDS = 3;
const NOW = new Date();
const TODAY = dateIn("UTC", NOW);
const notices = createNotices("http://localhost:3000");

async function administer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Partners with a SuperAdmin each; `total` accounts of which the first DUE end within the next
 * 30 days, and the rest either ended already or end after the reminder window.
 */
async function seed(db: Database, total: number): Promise<void> {
  const [licence] = await db.insert(licences).values({ code: "bench", name: "Bench" }).returning();
  await db.insert(sectors).values({ code: "bench", name: "Bench" });
  const partnerRows = await db
    .insert(partners)
    .values(
      Array.from({ length: PARTNERS }, (_, i) => ({ name: `Bench partner ${i}`, country: "ES" })),
    )
    .returning({ id: partners.id });
  await db.insert(users).values(
    partnerRows.map((partner, i) => ({
      id: `bench-admin-${i}`,
      name: `Admin ${i}`,
      email: `admin-${i}@bench.test`,
      role: "partner" as const,
      partnerId: partner.id,
      isSuperAdmin: true,
      userType: "super_admin" as const,
    })),
  );
  const partnerIds = sql.raw(`array[${partnerRows.map((p) => `'${p.id}'::uuid`).join(",")}]`);
  await db.execute(sql`
    insert into ${accounts} (partner_id, name, customer_name, country, sector_code, licence_id,
      starts_on, ends_on, datapoints_contracted)
    select (${partnerIds})[1 + n % ${PARTNERS}], 'Account ' || n, 'Customer', 'GB', 'bench',
      ${licence?.id}, date '2020-01-01',
      case
        when n <= ${DUE} then ${TODAY}::date + (n % 31)
        when n % 2 = 0 then ${TODAY}::date + 31 + (n % 1400)
        else ${TODAY}::date - 1 - (n % 1400)
      end,
      100
    from generate_series(1, ${total}) as n`);
  // A year of history: every account was reminded three times in its previous term.
  await db.execute(sql`
    insert into ${accountReminders} (partner_id, account_id, ends_on, stage, sent_on, sent_at)
    select a.partner_id, a.id, a.ends_on - 365, s.stage, a.ends_on - 365 - s.days, now()
    from ${accounts} a,
      (values ('30_days', 30), ('7_days', 7), ('on_the_day', 0)) as s(stage, days)`);
  await refreshStatistics(db);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

async function sweepAll(db: Database): Promise<number> {
  let reminders = 0;
  for (;;) {
    const batch = await sweepReminders({ db, notices, now: NOW, batchSize: BATCH });
    reminders += batch.reminders;
    if (!batch.more) return reminders;
  }
}

async function measure(total: number) {
  const name = `wattfolio_bench_sweep_${randomBytes(4).toString("hex")}`;
  await administer(`create database ${name}`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 4 });
  try {
    await seed(database.db, total);
    const query = dueAccountsQuery(database.db, NOW, BATCH);
    await query; // warm the cache once
    const plan = (await database.db.execute(
      sql`explain (analyze, costs off) ${query.getSQL()}`,
    )) as unknown as { rows: { "QUERY PLAN": string }[] };
    // Each round starts with no reminder sent; the median of the rounds evens out a busy machine.
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      await database.db.execute(sql`truncate ${mailOutbox}`);
      await database.db.execute(
        sql`delete from ${accountReminders} where ${accountReminders.sentOn} >= ${TODAY}`,
      );
      const select = await timed(() => query);
      const full = await timed(() => sweepAll(database.db));
      const idle = await timed(() => sweepAll(database.db));
      rounds.push({ select, full, idle });
    }
    const median = (values: number[]) =>
      values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    return {
      total,
      batch: rounds[0]?.select.result.length ?? 0,
      selectMs: median(rounds.map((r) => r.select.ms)),
      plan: plan.rows.map((row) => row["QUERY PLAN"]).join("\n"),
      fullMs: median(rounds.map((r) => r.full.ms)),
      reminders: rounds[0]?.full.result ?? 0,
      idleMs: median(rounds.map((r) => r.idle.ms)),
    };
  } finally {
    await database.close();
    await administer(`drop database if exists ${name} with (force)`);
  }
}

const results = [];
for (const size of SIZES) {
  console.log(`Seeding ${size.toLocaleString("en")} accounts, ${DUE.toLocaleString("en")} due…`);
  results.push(await measure(size));
}
for (const r of results) {
  console.log(
    `\nPlan of one batch's select (${r.batch} of ${DUE.toLocaleString("en")} due), ${r.total.toLocaleString("en")} accounts:\n${r.plan}`,
  );
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`.padStart(11);
console.log(
  `\n${"accounts".padStart(9)} ${"due".padStart(6)} ${"select batch".padStart(12)} ${"full sweep".padStart(11)} ${"reminders".padStart(9)} ${"per reminder".padStart(12)} ${"idle sweep".padStart(11)}`,
);
for (const r of results) {
  console.log(
    `${r.total.toLocaleString("en").padStart(9)} ${DUE.toLocaleString("en").padStart(6)} ${fmt(r.selectMs).padStart(12)} ${fmt(r.fullMs)} ${String(r.reminders).padStart(9)} ${fmt(r.fullMs / Math.max(1, r.reminders)).padStart(12)} ${fmt(r.idleMs)}`,
  );
}
const [small, large] = results;
if (small && large) {
  console.log(
    `\nWith ${(large.total / small.total).toFixed(0)}× the accounts and the same number due, the full sweep took ${(large.fullMs / small.fullMs).toFixed(2)}× as long and the idle sweep ${(large.idleMs / small.idleMs).toFixed(2)}×.`,
  );
}
