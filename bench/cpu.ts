/**
 * `npm run bench:cpu`: what one request costs the server and PostgreSQL in CPU, page by page.
 *
 * On a 2-core machine where the server, PostgreSQL and the load share the cores, a page's p99 at 8
 * clients is mostly the queue for the cores: its CPU per request is the figure a change moves. This
 * starts the real server on a database `npm run bench:lists` kept (`BENCH_KEEP=1`), signs in as
 * `BENCH_EMAIL`, and for each address of `BENCH_PATHS` (`|` between them) sends `BENCH_REQUESTS`
 * requests from 4 clients after 200 to warm up. It reads the CPU time of the server's process and
 * of PostgreSQL's processes from /proc before and after, and prints each per request, with the
 * p50 / p99 of 3 s at 8 clients. Compare two commits on the same database in the same hour.
 */
import { readdirSync, readFileSync } from "node:fs";
import autocannon from "autocannon";
import { freePort, signIn, startServer, stopServer } from "./server.ts";

const DATABASE = process.env.BENCH_KEPT_DATABASE_URL;
const EMAIL = process.env.BENCH_EMAIL ?? "admin-100000@bench.test";
const PATHS = (process.env.BENCH_PATHS ?? "/api/v1/me").split("|");
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (ticks) of a process, or 0 when it is gone. */
function cpuTicks(pid: number): number {
  try {
    const fields = (readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1] ?? "").split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** CPU time of every PostgreSQL process, by pid: its backends come and go. */
function postgresTicks(): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== "postgres") continue;
      ticks.set(Number(entry), cpuTicks(Number(entry)));
    } catch {
      // Ended meanwhile.
    }
  }
  return ticks;
}

const spent = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, ticks]) => sum + ticks - (before.get(pid) ?? 0), 0);

const perRequest = (ticks: number) => ((ticks * 1000) / TICKS_PER_SECOND / REQUESTS).toFixed(2);

if (!DATABASE) {
  console.error(
    "Set BENCH_KEPT_DATABASE_URL to a database kept by BENCH_KEEP=1 npm run bench:lists.",
  );
  process.exit(1);
}
const port = await freePort();
const server = await startServer(port, { DATABASE_URL: DATABASE });
const pid = server.pid ?? 0;
try {
  const base = `http://127.0.0.1:${port}`;
  const headers = { cookie: await signIn(base, EMAIL) };
  const rows = [];
  for (const path of PATHS) {
    const url = base + path;
    await autocannon({ url, headers, connections: 4, amount: 200 });
    const serverBefore = cpuTicks(pid);
    const postgresBefore = postgresTicks();
    const measured = await autocannon({ url, headers, connections: 4, amount: REQUESTS });
    const serverMs = perRequest(cpuTicks(pid) - serverBefore);
    const postgresMs = perRequest(spent(postgresBefore, postgresTicks()));
    const eight = await autocannon({ url, headers, connections: 8, duration: 3 });
    if (measured.non2xx + eight.non2xx + measured.errors + eight.errors > 0) {
      throw new Error(`${path}: some requests failed`);
    }
    rows.push({
      page: path,
      "server ms": serverMs,
      "PostgreSQL ms": postgresMs,
      "8 clients p50": eight.latency.p50,
      "8 clients p99": eight.latency.p99,
    });
  }
  console.table(rows);
} finally {
  await stopServer(server);
}
