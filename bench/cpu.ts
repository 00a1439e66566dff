/**
 * `npm run bench:cpu`: what one request costs the server and PostgreSQL in CPU, page by page.
 *
 * On a 2-core machine where the server, PostgreSQL and the load share the cores, a page's p99 at 8
 * clients is mostly the queue for the cores: its CPU per request is the figure a change moves. This
 * starts the real server on a database `npm run bench:lists` kept (`BENCH_KEEP=1`), signs in as
 * `BENCH_EMAIL`, and for each address of `BENCH_PATHS` (`|` between them) sends `BENCH_REQUESTS`
 * requests from 4 clients after 200 to warm up. It reads the CPU time of the server's process and
 * of PostgreSQL's processes from /proc before and after, and prints each per request, with the
 * p50 / p99 of 3 s at 8 clients.
 *
 * `BENCH_BASELINE=<git revision>` measures that revision too, from a checkout of its own, in turns
 * with the working tree (baseline, this, baseline, this: `BENCH_ROUNDS` pairs, 2 by default), and
 * prints the median of each side: the machine's own drift, often larger than the change, then
 * spoils one turn rather than the comparison.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, symlinkSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { freePort, signIn, startServer, stopServer } from "./server.ts";

const DATABASE = process.env.BENCH_KEPT_DATABASE_URL;
const EMAIL = process.env.BENCH_EMAIL ?? "admin-100000@bench.test";
const PATHS = (process.env.BENCH_PATHS ?? "/api/v1/me").split("|");
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const BASELINE = process.env.BENCH_BASELINE;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;
const ROOT = fileURLToPath(new URL("..", import.meta.url));

interface Measure {
  serverMs: number;
  postgresMs: number;
  p50: number;
  p99: number;
}

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

const perRequest = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND / REQUESTS;

/** Each address of PATHS measured on the server of the checkout at `root`. */
async function measureCheckout(database: string, root: string): Promise<Measure[]> {
  const port = await freePort();
  const server = await startServer(
    port,
    { DATABASE_URL: database },
    join(root, "server", "main.ts"),
  );
  const pid = server.pid ?? 0;
  try {
    const base = `http://127.0.0.1:${port}`;
    const headers = { cookie: await signIn(base, EMAIL) };
    const measures: Measure[] = [];
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
      measures.push({ serverMs, postgresMs, p50: eight.latency.p50, p99: eight.latency.p99 });
    }
    return measures;
  } finally {
    await stopServer(server);
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** The median of each figure over the rounds, path by path. */
const medians = (rounds: Measure[][]) =>
  PATHS.map((_, i) => {
    const of = (figure: keyof Measure) => median(rounds.map((round) => round[i]?.[figure] ?? 0));
    return {
      serverMs: of("serverMs"),
      postgresMs: of("postgresMs"),
      p50: of("p50"),
      p99: of("p99"),
    };
  });

if (!DATABASE) {
  console.error(
    "Set BENCH_KEPT_DATABASE_URL to a database kept by BENCH_KEEP=1 npm run bench:lists.",
  );
  process.exit(1);
}

if (!BASELINE) {
  const measures = await measureCheckout(DATABASE, ROOT);
  console.table(
    PATHS.map((page, i) => ({
      page,
      "server ms": measures[i]?.serverMs.toFixed(2),
      "PostgreSQL ms": measures[i]?.postgresMs.toFixed(2),
      "8 clients p50": measures[i]?.p50,
      "8 clients p99": measures[i]?.p99,
    })),
  );
} else {
  // The baseline's own checkout, on this checkout's installed packages.
  const checkout = await mkdtemp(join(tmpdir(), "wattfolio-baseline-"));
  execFileSync("git", ["-C", ROOT, "worktree", "add", "--detach", checkout, BASELINE], {
    stdio: "ignore",
  });
  symlinkSync(join(ROOT, "node_modules"), join(checkout, "node_modules"));
  try {
    const baseline: Measure[][] = [];
    const current: Measure[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      baseline.push(await measureCheckout(DATABASE, checkout));
      current.push(await measureCheckout(DATABASE, ROOT));
    }
    const [before, after] = [medians(baseline), medians(current)];
    console.log(`Medians of ${ROUNDS} turns each: ${BASELINE} → the working tree`);
    console.table(
      PATHS.map((page, i) => ({
        page,
        "server ms": `${before[i]?.serverMs.toFixed(2)} → ${after[i]?.serverMs.toFixed(2)}`,
        "PostgreSQL ms": `${before[i]?.postgresMs.toFixed(2)} → ${after[i]?.postgresMs.toFixed(2)}`,
        "8 clients p99": `${before[i]?.p99} → ${after[i]?.p99}`,
      })),
    );
  } finally {
    execFileSync("git", ["-C", ROOT, "worktree", "remove", "--force", checkout], {
      stdio: "ignore",
    });
    await rm(checkout, { recursive: true, force: true });
  }
}
