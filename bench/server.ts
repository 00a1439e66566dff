/**
 * What the benchmarks share: a free port, the real server (`server/main.ts`) started on it against
 * a benchmark's database, a SuperAdmin's session cookie, and load over HTTP.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { INSTANCE_NODE_FLAGS } from "../deploy/fleet.ts";

export const BENCH_PASSWORD = "bench-password-0123";

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/**
 * The production server on `port`, ready (`/readyz`); `env` names its database (DATABASE_URL or
 * DATA_DIR) and adds to or overrides its settings; `main`: another checkout's server/main.ts.
 */
export async function startServer(
  port: number,
  env: ({ DATABASE_URL: string } | { DATA_DIR: string }) & Record<string, string>,
  main = fileURLToPath(new URL("../server/main.ts", import.meta.url)),
): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [
      ...INSTANCE_NODE_FLAGS,
      // BENCH_PROFILE=<folder>: the server writes a V8 CPU profile there when it stops.
      ...(process.env.BENCH_PROFILE
        ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
        : []),
      main,
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        AUTH_SECRET: randomBytes(32).toString("hex"),
        HOST: "127.0.0.1",
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        SEED_DEMO: "false",
        LOG_LEVEL: "warn",
        // The reminder sweep would e-mail about the seeded accounts meanwhile; it is measured apart.
        SWEEP_INTERVAL_SECONDS: "0",
        ...env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  for (let attempt = 0; attempt < 600 && server.exitCode === null; attempt++) {
    const healthy = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error("the server did not start");
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  server.kill("SIGTERM");
  await once(server, "exit");
}

/** The session cookie of a user signed in as the sign-in page does (same Origin). */
export async function signIn(
  base: string,
  email: string,
  password = BENCH_PASSWORD,
): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/**
 * `clients` connections sending `options`' requests for `seconds` (autocannon). A benchmark measures
 * only answers that worked: one failed request stops it, with `what` failed.
 */
export async function loadOverHttp(
  what: string,
  clients: number,
  seconds: number,
  options: autocannon.Options,
): Promise<autocannon.Result> {
  const result = await autocannon({ ...options, connections: clients, duration: seconds });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${what}: ${failed} requests failed`);
  return result;
}
