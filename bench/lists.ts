/**
 * `npm run bench:lists`: how a page of the Active accounts zone, the home list, the Applications
 * zone and the review queue grows with the portfolio, on PostgreSQL.
 *
 * In a database of its own (created from BENCH_DATABASE_URL, dropped at the end) it seeds two
 * partners, one with 10,000 accounts and one with 100,000, each with one application per account
 * (so 10,000 and 100,000 applications, one in ten pending), starts the real server
 * (`server/main.ts`) and reads each kind of page, 50 accounts, as each partner's SuperAdmin, with
 * 1 and 8 concurrent clients (autocannon). It prints p50/p99 per page and size, and the ratio of
 * the p99 at 100,000 accounts to the p99 at 10,000: 1 means a page costs the same however large
 * the portfolio.
 *
 * The same run measures an account's datapoints and its history, grown in one account of each
 * portfolio to the portfolio's size (10,000 and 100,000 datapoints, as many history entries):
 * there the size column counts datapoints or entries of that one account. `BENCH_PAGES` (a regular
 * expression) measures only the pages whose names it matches.
 *
 * Then the mailbox and the outbox at 100,000 and 1,000,000 messages (bench/mail-lists.ts).
 * BENCH_LISTS=accounts or BENCH_LISTS=mail measures only one part.
 *
 * BENCH_DB=pglite measures the same account, application, datapoint and history pages on the
 * embedded PGlite instead, in a data folder of its own: one portfolio of 10,000, one client.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { createUser } from "../server/auth/users.ts";
import { type Database, openDatabase, queryRows, vacuumAndAnalyze } from "../server/db/client.ts";
import { partners } from "../server/db/schema/index.ts";
import { type Catalogue, createCatalogue } from "../server/test/factories.ts";
import { administer } from "../server/test/postgres-setup.ts";
import { encodeCursor } from "../shared/domain/cursor.ts";
import { measureMailLists } from "./mail-lists.ts";
import {
  BENCH_PASSWORD,
  freePort,
  loadOverHttp,
  signIn,
  startServer,
  stopServer,
} from "./server.ts";

const BASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ON_PGLITE = process.env.BENCH_DB === "pglite";
const LISTS = (process.env.BENCH_LISTS ?? (ON_PGLITE ? "accounts" : "accounts,mail")).split(",");
const SIZES = ON_PGLITE ? [10_000] : [10_000, 100_000];
const CLIENTS = ON_PGLITE ? [1] : [1, 8];
const PAGE_SIZE = 50;
/** Accounts named "Hot path …" in each portfolio: what the two-letter search "ho" finds. */
const FOUND_BY_SEARCH = 200;
/** How far into the zone the deep page is, as a share of its accounts (page 1,170 of 1,800 at 100,000). */
const DEEP = 0.65;
/** Only the pages whose names match, when given. */
const ONLY = process.env.BENCH_PAGES ? new RegExp(process.env.BENCH_PAGES) : null;
/** Devices of the account of many datapoints, and the kinds it registers, in turn. */
const DEVICES = 200;
const KINDS = ["meter", "weather", "virtual", "group", "calculated", "derived"];
/** Rows of a page of the account page's history. */
const HISTORY_PAGE_SIZE = 10;

interface Measure {
  page: string;
  accounts: number;
  clients: number;
  p50: number;
  p99: number;
}

/**
 * `count` accounts in a new partner, shaped as `npm run bench`'s: nine in ten active, ending over
 * the next two years, the rest expired; two licences; datapoints used spread over the contract.
 */
async function seedPortfolio(db: Database, count: number, catalogue: Catalogue) {
  const [partner] = await db
    .insert(partners)
    .values({ name: `Bench portfolio of ${count}`, timeZone: "Europe/Madrid", country: "ES" })
    .returning();
  if (!partner) throw new Error("seed failed");
  const { licenceId: first, otherLicenceId: second, sectorCode } = catalogue;
  await db.execute(sql`
    insert into accounts (partner_id, name, customer_name, country, sector_code, licence_id,
      starts_on, ends_on, datapoints_contracted, datapoints_used, sms_credits)
    select ${partner.id}, 'Site ' || lpad(i::text, 6, '0'), 'Customer ' || (i % 700), 'ES',
      ${sectorCode}, case when i % 3 = 0 then ${second}::uuid else ${first}::uuid end,
      ends_on - 365, ends_on, 100 + (i % 50) * 20, (i * 13) % (100 + (i % 50) * 20), 500
    from generate_series(0, ${count - FOUND_BY_SEARCH - 1}) as i,
      lateral (select current_date
        + case when i % 10 = 0 then -1 - (i % 300) else 1 + ((i * 7) % 730) end as ends_on) as term`);
  await db.execute(sql`
    insert into accounts (partner_id, name, customer_name, country, sector_code, licence_id,
      starts_on, ends_on, datapoints_contracted)
    select ${partner.id}, 'Hot path ' || i, 'Bench', 'ES', ${sectorCode}, ${first}::uuid,
      current_date, current_date + 365, 1000000
    from generate_series(1, ${FOUND_BY_SEARCH}) as i`);
  const email = `admin-${count}@bench.test`;
  const admin = await createUser(db, {
    email,
    name: "Bench Admin",
    password: BENCH_PASSWORD,
    role: "partner",
    partnerId: partner.id,
    userType: "super_admin",
  });
  // One account holds `count` datapoints on DEVICES devices and `count` entries of history.
  const [account] = await queryRows<{ id: string }>(
    db,
    sql`select id from accounts where partner_id = ${partner.id} and name = 'Hot path 1'`,
  );
  if (!account) throw new Error("seed failed");
  await db.execute(sql`
    insert into datapoints (partner_id, account_id, external_id, name, device_name, kind, billable,
      registered_at)
    select ${partner.id}, ${account.id}, 'dp-' || i, 'Point ' || lpad(i::text, 6, '0'),
      'Board ' || lpad((i % ${DEVICES})::text, 3, '0'), kind, kind in ('meter', 'weather', 'virtual'),
      now() - make_interval(mins => i)
    from generate_series(1, ${count}) as i,
      lateral (select (string_to_array(${KINDS.join(",")}, ','))[1 + i % ${KINDS.length}] as kind) as k`);
  await db.execute(sql`
    insert into account_history (partner_id, account_id, event, actor_id, occurred_at, comment, changes)
    select ${partner.id}, ${account.id}, 'created', ${admin.id}, now() - make_interval(mins => i),
      'Entry ' || i, '[{"field": "smsCredits", "before": 0, "after": 250}]'::jsonb
    from generate_series(${count}, 1, -1) as i`);
  await seedApplications(db, partner.id, admin.id);
  return { id: partner.id, email, active: Math.round(count * 0.9), accountId: account.id };
}

type Portfolio = Awaited<ReturnType<typeof seedPortfolio>>;

/**
 * The cursors of the deep pages that are read straight from the database, taken before the server
 * starts (PGlite's folder has one process at a time).
 */
async function deepCursors(db: Database, { accountId, email }: Portfolio, size: number) {
  const deep = Math.floor(size * DEEP);
  return {
    datapoints: await datapointCursorAt(db, accountId, deep),
    datapointsOfKind: await datapointCursorAt(
      db,
      accountId,
      Math.floor(deep / KINDS.length),
      "meter",
    ),
    reachable: await reachableCursorAt(db, email, deep),
    history: await historyCursorAt(db, accountId, deep),
  };
}

/**
 * One application per account of the partner, filed over the last weeks: one in ten still
 * pending, the others approved, rejected or withdrawn since; four kinds, a quarter of them new
 * accounts (named as asked, no account yet). The "Hot path" accounts' are what "ho" finds.
 */
async function seedApplications(db: Database, partnerId: string, requestedBy: string) {
  await db.execute(sql`
    insert into applications (partner_id, account_id, kind, status, payload, requested_by,
      requested_at, decided_at)
    select ${partnerId}, case when kind = 'new_account' then null else a.id end, kind, status,
      case kind
        when 'edit_datapoints' then '{"change": 20}'::jsonb
        when 'buy_sms_credits' then '{"credits": 100}'::jsonb
        when 'renew_subscription' then '{}'::jsonb
        else jsonb_build_object('name', 'Asked site ' || n, 'customerName', 'Asked customer ' || n)
      end,
      ${requestedBy}, now() - interval '1 day' - n * interval '37 seconds',
      case when status = 'pending' then null else now() - n * interval '29 seconds' end
    from (select id, row_number() over (order by id) as n from accounts
          where partner_id = ${partnerId}) as a,
      lateral (select (array['edit_datapoints', 'buy_sms_credits', 'renew_subscription',
        'new_account'])[1 + n % 4] as kind,
        case when n % 10 = 0 then 'pending'
          else (array['approved', 'rejected', 'withdrawn'])[1 + n % 3] end as status) as shape`);
}

/** The cursor after the datapoint `depth` rows into the account's list, as `next` would give it. */
async function datapointCursorAt(db: Database, accountId: string, depth: number, kind?: string) {
  const [row] = await queryRows<{ device_name: string; name: string; id: string }>(
    db,
    sql`select device_name, name, id from datapoints
      where account_id = ${accountId} ${kind ? sql`and kind = ${kind}` : sql``}
      order by device_name, name, id offset ${depth - 1} limit 1`,
  );
  if (!row) throw new Error("the datapoints ended before the deep page");
  return encodeCursor([row.device_name, row.name, row.id]);
}

/** The cursor after the account `depth` rows into the usage API's reachable accounts, by name. */
async function reachableCursorAt(db: Database, email: string, depth: number) {
  const [row] = await queryRows<{ name: string; id: string }>(
    db,
    sql`select a.name, a.id from accounts a join users u on u.partner_id = a.partner_id
      where u.email = ${email} order by a.name, a.id offset ${depth - 1} limit 1`,
  );
  if (!row) throw new Error("the accounts ended before the deep page");
  return encodeCursor([row.name, row.id]);
}

/** The cursor after the history entry `depth` rows into the account's history, newest first. */
async function historyCursorAt(db: Database, accountId: string, depth: number) {
  const [row] = await queryRows<{ seq: string }>(
    db,
    sql`select seq::text from account_history where account_id = ${accountId}
      order by seq desc offset ${depth - 1} limit 1`,
  );
  if (!row) throw new Error("the history ended before the deep page");
  return encodeCursor([row.seq]);
}

async function measure(
  page: string,
  accounts: number,
  clients: number,
  options: autocannon.Options,
  seconds = SECONDS,
): Promise<Measure> {
  const { latency } = await loadOverHttp(page, clients, seconds, options);
  return { page, accounts, clients, p50: latency.p50, p99: latency.p99 };
}

/** The address of the page `depth` rows into `list` (its filters and order), following `next`. */
async function deepPage(list: string, headers: Record<string, string>, depth: number) {
  let url = `${list}&pageSize=100`;
  for (let seen = 0; seen < depth; seen += 100) {
    const page = (await (await fetch(url, { headers })).json()) as { next: string | null };
    if (!page.next) throw new Error(`${list} ended before the deep page`);
    url = `${list}&pageSize=100&after=${page.next}`;
  }
  return url.replace("pageSize=100", `pageSize=${PAGE_SIZE}`);
}

function print(measures: Measure[]): void {
  console.table(
    measures.map((m) => ({
      page: m.page,
      size: m.accounts.toLocaleString("en"),
      clients: m.clients,
      "p50 ms": m.p50.toFixed(1),
      "p99 ms": m.p99.toFixed(1),
    })),
  );
  const [small, large] = SIZES;
  if (small === undefined || large === undefined) return;
  const ratios = [...new Set(measures.map((m) => m.page))].map((page) => {
    const row: Record<string, string> = { page };
    for (const clients of CLIENTS) {
      const at = (accounts: number) =>
        measures.find((m) => m.page === page && m.accounts === accounts && m.clients === clients);
      const ratio = (at(large)?.p99 ?? Number.NaN) / (at(small)?.p99 ?? Number.NaN);
      row[`p99 ${large / 1000}k/${small / 1000}k, ${clients} client${clients > 1 ? "s" : ""}`] =
        ratio.toFixed(2);
    }
    return row;
  });
  console.table(ratios);
}

/** A database of the bench's own: a new one on the PostgreSQL server, or a new PGlite folder. */
async function benchDatabase(): Promise<{
  database: Awaited<ReturnType<typeof openDatabase>>;
  serverEnv: { DATA_DIR: string } | { DATABASE_URL: string };
  drop: () => Promise<void>;
}> {
  if (ON_PGLITE) {
    const dataDir = await mkdtemp(join(tmpdir(), "wattfolio-bench-lists-"));
    return {
      database: await openDatabase({ kind: "pglite", dataDir }),
      serverEnv: { DATA_DIR: dataDir },
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `wattfolio_bench_${randomBytes(6).toString("hex")}`;
  await administer(BASE_URL, `create database ${name}`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return {
    database: await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 4 }),
    serverEnv: { DATABASE_URL: url.toString() },
    drop: () =>
      process.env.BENCH_KEEP
        ? Promise.resolve(console.log(`Kept the database ${url} (BENCH_KEEP)`))
        : administer(BASE_URL, `drop database if exists ${name} with (force)`),
  };
}

async function main(): Promise<void> {
  const { database, serverEnv, drop } = await benchDatabase();
  let databaseOpen = true;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const started = performance.now();
    const catalogue = await createCatalogue(database.db);
    const portfolios = [];
    const sizes = LISTS.includes("accounts") ? SIZES : [];
    for (const size of sizes) {
      const portfolio = await seedPortfolio(database.db, size, catalogue);
      portfolios.push({ ...portfolio, cursors: await deepCursors(database.db, portfolio, size) });
    }
    // As autovacuum would soon: the planner's statistics of the freshly loaded tables, and their
    // visibility map (without it an index-only scan, a list's count, reads the table too); and as
    // the checkpointer would, the load written out (the 10,000's pages, measured first, had shared
    // the machine with it: some of their 8-client p99s were twice their 100,000's).
    await vacuumAndAnalyze(database.db, [], { settled: true });
    if (sizes.length > 0)
      console.log(
        `Seeded ${SIZES.map((size) => size.toLocaleString("en")).join(" and ")} accounts in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    const reviewerEmail = "cs@bench.test";
    await createUser(database.db, {
      email: reviewerEmail,
      name: "Bench Reviewer",
      password: BENCH_PASSWORD,
      role: "customer_success",
    });
    if (ON_PGLITE) {
      await database.close();
      databaseOpen = false;
    }
    const port = await freePort();
    server = await startServer(port, serverEnv);
    const base = `http://127.0.0.1:${port}`;
    const measures: Measure[] = [];
    for (const [index, size] of sizes.entries()) {
      const portfolio = portfolios[index];
      if (!portfolio) continue;
      const headers = { cookie: await signIn(base, portfolio.email), origin: base };
      const reviewer = { cookie: await signIn(base, reviewerEmail), origin: base };
      const list = `${base}/api/v1/account-management/accounts?zone=active`;
      const home = `${base}/api/v1/accounts?sort=name`;
      const pages: [string, string][] = [
        ["sorted by end date, first page", `${list}&sort=endsOn&pageSize=${PAGE_SIZE}`],
        [
          "sorted by datapoints left, first page",
          `${list}&sort=datapointsLeft&pageSize=${PAGE_SIZE}`,
        ],
        ["sorted by name, first page", `${list}&sort=name&pageSize=${PAGE_SIZE}`],
        ["sorted by licence, first page", `${list}&sort=licence&pageSize=${PAGE_SIZE}`],
        [
          `sorted by end date, ${Math.round(DEEP * 100)}% deep`,
          await deepPage(
            `${list}&sort=endsOn`,
            headers,
            Math.floor((portfolio.active * DEEP) / 100) * 100,
          ),
        ],
        ['search "ho"', `${list}&q=ho&pageSize=${PAGE_SIZE}`],
        // The home list: the whole portfolio, active and expired.
        ["home list by name, first page", `${home}&pageSize=${PAGE_SIZE}`],
        [
          `home list by name, ${Math.round(DEEP * 100)}% deep`,
          await deepPage(home, headers, Math.floor((size * DEEP) / 100) * 100),
        ],
      ];
      const { accountId, cursors } = portfolio;
      const points = `${base}/api/v1/usage/accounts/${accountId}/datapoints?pageSize=${PAGE_SIZE}`;
      const history = `${base}/api/v1/accounts/${accountId}/history?pageSize=${HISTORY_PAGE_SIZE}`;
      pages.push(
        ["datapoints, first page", points],
        ["datapoints of one kind, first page", `${points}&kind=meter`],
        ["datapoints of one device, first page", `${points}&device=Board%20007`],
        [
          "datapoints of one kind and device, first page",
          `${points}&kind=meter&device=Board%20006`,
        ],
        [`datapoints, ${Math.round(DEEP * 100)}% deep`, `${points}&after=${cursors.datapoints}`],
        [
          `datapoints of one kind, ${Math.round(DEEP * 100)}% deep`,
          `${points}&kind=meter&after=${cursors.datapointsOfKind}`,
        ],
        [
          `datapoints, ${Math.round(DEEP * 100)}% deep, previous page`,
          `${points}&before=${cursors.datapoints}`,
        ],
        ["account history, first page", history],
        ["usage API accounts, first page", `${base}/api/v1/usage/accounts?pageSize=${PAGE_SIZE}`],
        [
          "usage API active accounts, first page",
          `${base}/api/v1/usage/accounts?status=active&pageSize=${PAGE_SIZE}`,
        ],
        [
          `usage API accounts, ${Math.round(DEEP * 100)}% deep`,
          `${base}/api/v1/usage/accounts?pageSize=${PAGE_SIZE}&after=${cursors.reachable}`,
        ],
        [`account history, ${Math.round(DEEP * 100)}% deep`, `${history}&after=${cursors.history}`],
      );
      const zone = `${base}/api/v1/account-management/applications?`;
      // The queue of the partner measured (the queue of every partner holds both portfolios).
      const queue = `${base}/api/v1/review/applications?partnerId=${portfolio.id}`;
      // One application per account.
      const deepApplications = Math.floor((size * DEEP) / 100) * 100;
      const perPage = `&pageSize=${PAGE_SIZE}`;
      const measured: [string, string, Record<string, string>][] = [
        ...pages.map(([page, address]): [string, string, Record<string, string>] => [
          page,
          address,
          headers,
        ]),
        ["applications zone, first page", `${zone}${perPage}`, headers],
        ["applications zone, pending", `${zone}status=pending${perPage}`, headers],
        ["applications zone, approved", `${zone}status=approved${perPage}`, headers],
        [
          `applications zone, ${Math.round(DEEP * 100)}% deep`,
          await deepPage(zone, headers, deepApplications),
          headers,
        ],
        ['applications zone, search "ho"', `${zone}q=ho${perPage}`, headers],
        ["review queue, pending (its first page)", `${queue}&status=pending${perPage}`, reviewer],
        ["review queue, every status", `${queue}${perPage}`, reviewer],
        ["review queue, rejected", `${queue}&status=rejected${perPage}`, reviewer],
        [
          "review queue, pending renewals",
          `${queue}&status=pending&kind=renew_subscription${perPage}`,
          reviewer,
        ],
        [
          `review queue, ${Math.round(DEEP * 100)}% deep`,
          await deepPage(queue, reviewer, deepApplications),
          reviewer,
        ],
        ['review queue, search "ho"', `${queue}&q=ho${perPage}`, reviewer],
        [
          'review queue, search "asked site 12"',
          `${queue}&q=asked%20site%2012${perPage}`,
          reviewer,
        ],
      ];
      for (const [page, address, as] of measured.filter(([page]) => !ONLY || ONLY.test(page))) {
        await measure("warm-up", size, 8, { url: address, headers: as }, 1);
        for (const clients of CLIENTS) {
          measures.push(await measure(page, size, clients, { url: address, headers: as }));
        }
      }
    }
    if (measures.length > 0) print(measures);
    if (LISTS.includes("mail") && databaseOpen) {
      await measureMailLists(database.db, base, SECONDS, ONLY);
    }
  } finally {
    if (server) await stopServer(server);
    if (databaseOpen) await database.close();
    await drop();
  }
}

await main();
