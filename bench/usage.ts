/**
 * `npm run bench`: the usage hot path and the Active accounts page, measured on PostgreSQL.
 *
 * In a database of its own (created from BENCH_DATABASE_URL, dropped at the end) it seeds a partner
 * with 10,000 accounts, starts the real server (`server/main.ts`) on a free port, and then:
 * - registers one datapoint per request through the HTTP API (autocannon) at 8 and 32 concurrent
 *   clients, and in the same run sends the very statement the API sends, built by the same code,
 *   straight to PostgreSQL through `pg` at the same concurrency and with the same pool size;
 * - reads the Active accounts page (50 accounts sorted by expiry, with usage) as a SuperAdmin.
 * API and SQL are measured in turn (A B A B …, BENCH_PAIRS pairs per figure) so that a noisy
 * moment of the machine lands on both sides of some pair and not on one side of the figure. It
 * prints requests/s and p50/p99 latency of each run, and per figure the median API/SQL ratio of
 * its pairs with their min–max.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import type autocannon from "autocannon";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { IntegrationActor } from "../server/access/actor.ts";
import { createApiKey } from "../server/api-keys/create-api-key.ts";
import { createUser } from "../server/auth/users.ts";
import { type Database, openDatabase, refreshStatistics } from "../server/db/client.ts";
import { accounts, partners } from "../server/db/schema/index.ts";
import { createCatalogue } from "../server/test/factories.ts";
import { administer } from "../server/test/postgres-setup.ts";
import { registrationStatement } from "../server/usage/register-datapoints.ts";
import { addDays } from "../shared/domain/calendar.ts";
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
const PAIRS = Math.max(1, Number(process.env.BENCH_PAIRS ?? 3));
/** The server's default DATABASE_POOL_SIZE; the direct SQL clients get the same pool. */
const POOL_SIZE = 20;
const CONCURRENCY = [8, 32];
const ACCOUNTS = 10_000;
/** Registrations go to one account (every request contends for its counter) or spread over these many. */
const HOT_ACCOUNTS = 100;
const NOW = new Date();

interface Measure {
  what: string;
  clients: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

async function seed(db: Database) {
  const catalogue = await createCatalogue(db);
  const [partner] = await db
    .insert(partners)
    .values({ name: "Bench Energy Services", timeZone: "Europe/Madrid", country: "ES" })
    .returning();
  if (!partner) throw new Error("seed failed");
  const today = NOW.toISOString().slice(0, 10);
  for (let start = 0; start < ACCOUNTS; start += 1_000) {
    await db.insert(accounts).values(
      Array.from({ length: 1_000 }, (_, j) => {
        const i = start + j;
        // Nine in ten active, ending over the next two years; the rest expired.
        const endsOn = addDays(today, i % 10 === 0 ? -1 - (i % 300) : 1 + ((i * 7) % 730));
        const contracted = 100 + (i % 50) * 20;
        return {
          partnerId: partner.id,
          name: `Site ${String(i).padStart(5, "0")}`,
          customerName: `Customer ${i % 700}`,
          country: "ES",
          sectorCode: catalogue.sectorCode,
          licenceId: catalogue.licenceId,
          startsOn: addDays(endsOn, -365),
          endsOn,
          datapointsContracted: contracted,
          datapointsUsed: (i * 13) % contracted,
          smsCredits: 500,
        };
      }),
    );
  }
  // Roomy accounts for the hot path: a hundred for the API, a hundred for the direct SQL.
  const roomy = await db
    .insert(accounts)
    .values(
      Array.from({ length: 2 * HOT_ACCOUNTS }, (_, i) => ({
        partnerId: partner.id,
        name: `Hot path ${i}`,
        customerName: "Bench",
        country: "ES",
        sectorCode: catalogue.sectorCode,
        licenceId: catalogue.licenceId,
        startsOn: today,
        endsOn: addDays(today, 365),
        datapointsContracted: 1_000_000,
      })),
    )
    .returning();
  await createUser(db, {
    email: "admin@bench.test",
    name: "Bench Admin",
    password: BENCH_PASSWORD,
    role: "partner",
    partnerId: partner.id,
    userType: "super_admin",
  });
  const staff = await createUser(db, {
    email: "cs@bench.test",
    name: "Customer Success",
    password: BENCH_PASSWORD,
    role: "customer_success",
  });
  const key = await createApiKey({
    db,
    actor: {
      kind: "customer_success",
      userId: staff.id,
      name: "CS",
      email: "cs@bench.test",
      language: "en",
    },
    name: "EMP (bench)",
    accountId: null,
    now: NOW,
  });
  // As autovacuum would soon: the planner needs statistics of the freshly loaded tables.
  await refreshStatistics(db);
  const ids = roomy.map((account) => account.id);
  return { viaApi: ids.slice(0, HOT_ACCOUNTS), viaSql: ids.slice(HOT_ACCOUNTS), key };
}

async function overHttp(
  what: string,
  clients: number,
  options: autocannon.Options,
  seconds = SECONDS,
): Promise<Measure> {
  const { requests, latency } = await loadOverHttp(what, clients, seconds, options);
  return { what, clients, requestsPerSecond: requests.average, p50: latency.p50, p99: latency.p99 };
}

/** `clients` loops sending the API's own statement through a pool, for `seconds`. */
async function overSql(
  what: string,
  pool: pg.Pool,
  clients: number,
  statement: () => { name: string; text: string; values: unknown[] },
  seconds = SECONDS,
): Promise<Measure> {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const query = statement();
      const started = performance.now();
      await pool.query(query);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    what,
    clients,
    requestsPerSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
  };
}

/** The API/SQL throughput ratios of one figure's pairs. */
interface Ratios {
  figure: string;
  ratios: number[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function printTable(measures: Measure[], figures: Ratios[]): void {
  const rows = measures.map((m) => ({
    measure: m.what,
    clients: m.clients,
    "requests/s": Math.round(m.requestsPerSecond),
    "p50 ms": m.p50.toFixed(1),
    "p99 ms": m.p99.toFixed(1),
  }));
  console.table(rows);
  for (const { figure, ratios } of figures) {
    const range = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
    console.log(
      `API/SQL throughput, ${figure}: median ${median(ratios).toFixed(2)} (${range}, ${ratios.length} pairs)`,
    );
  }
}

async function main(): Promise<void> {
  const name = `wattfolio_bench_${randomBytes(6).toString("hex")}`;
  await administer(BASE_URL, `create database ${name}`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let server: ChildProcess | undefined;
  const database = await openDatabase({ kind: "postgres", url: databaseUrl, poolSize: 4 });
  const direct = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  // Dropping the database at the end cuts whatever connection is still open: not a failure.
  direct.on("error", () => {});
  try {
    const started = performance.now();
    const { viaApi, viaSql, key } = await seed(database.db);
    console.log(
      `Seeded ${ACCOUNTS.toLocaleString("en")} accounts in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const port = await freePort();
    server = await startServer(port, {
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      // The per-key request limit stays on, so its statement is measured, far above what is sent.
      API_KEY_REQUESTS_PER_MINUTE: String(1_000_000_000),
    });
    const base = `http://127.0.0.1:${port}`;
    const cookie = await signIn(base, "admin@bench.test");

    const pick = (ids: string[], spread: boolean) =>
      (spread ? ids[Math.floor(Math.random() * ids.length)] : ids[0]) as string;
    const body = () =>
      JSON.stringify({
        datapoints: [
          {
            externalId: randomUUID(),
            name: "Bench meter",
            deviceName: "Main meter",
            kind: "meter",
          },
        ],
      });
    /** One datapoint per request, to one account or to any of a hundred. */
    const register = (spread: boolean): autocannon.Options => ({
      url: base,
      headers: { authorization: `Bearer ${key.secret}`, "content-type": "application/json" },
      requests: [
        {
          method: "POST",
          setupRequest: (request) => ({
            ...request,
            path: `/api/v1/usage/accounts/${pick(viaApi, spread)}/datapoints`,
            body: body(),
          }),
        },
      ],
    });
    const integration: IntegrationActor = {
      kind: "integration",
      apiKeyId: key.id,
      name: "EMP (bench)",
      scope: { kind: "platform" },
    };
    const dialect = new PgDialect();
    /** The very statement the API sends, prepared as the API prepares it. */
    const statement = (spread: boolean) => () => {
      const query = dialect.sqlToQuery(
        registrationStatement({
          caller: integration,
          accountId: pick(viaSql, spread),
          batch: [
            {
              externalId: randomUUID(),
              name: "Bench meter",
              deviceName: "Main meter",
              kind: "meter",
            },
          ],
          now: new Date(),
          remembering: null,
        }),
      );
      return { name: "bench_register", text: query.sql, values: query.params };
    };

    const measures: Measure[] = [];
    const figures: Ratios[] = [];
    // The page first, while the database is quiet (no vacuum or checkpoint after the writes below).
    const page = {
      url: `${base}/api/v1/account-management/accounts?zone=active&sort=endsOn&order=asc&pageSize=50`,
      headers: { cookie, origin: base },
    };
    await overHttp("warm-up", 8, page, 2);
    for (const clients of [1, 8]) {
      measures.push(await overHttp("Active accounts page, 50 of 10,000, API", clients, page));
    }
    // Warm up both paths (JIT, connections, prepared statements) before measuring.
    await overHttp("warm-up", 32, register(true), 3);
    await overSql("warm-up", direct, POOL_SIZE, statement(true), 1);
    for (const spread of [false, true]) {
      const where = spread ? `${HOT_ACCOUNTS} accounts` : "1 account";
      for (const clients of CONCURRENCY) {
        const ratios: number[] = [];
        for (let pair = 1; pair <= PAIRS; pair++) {
          const api = await overHttp(`register, ${where}, API #${pair}`, clients, register(spread));
          const sql = await overSql(
            `register, ${where}, SQL #${pair}`,
            direct,
            clients,
            statement(spread),
          );
          measures.push(api, sql);
          ratios.push(api.requestsPerSecond / sql.requestsPerSecond);
        }
        figures.push({ figure: `${where}, ${clients} clients`, ratios });
      }
    }
    printTable(measures, figures);
  } finally {
    if (server) await stopServer(server);
    await direct.end();
    await database.close();
    await administer(BASE_URL, `drop database if exists ${name} with (force)`);
  }
}

await main();
