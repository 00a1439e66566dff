/**
 * A fleet: three Wattfolio instances (`node server/main.ts`) on one PostgreSQL database behind
 * HAProxy, run with the configuration in deploy/haproxy.cfg. The fleet test and `npm run fleet`
 * both start it here.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const HAPROXY = "/usr/sbin/haproxy";
export const HAPROXY_CONFIG = fileURLToPath(new URL("./haproxy.cfg", import.meta.url));
const MAIN = fileURLToPath(new URL("../server/main.ts", import.meta.url));
/**
 * An instance runs as `npm run serve` runs it: young objects in semi-spaces of up to 16 MB. V8's
 * default of 32 MB kept some 130 MB more resident on an idle instance; 4 MB kept 10 MB less than
 * 16, but under load spent 15% of the server's time collecting garbage instead of 6%.
 */
export const INSTANCE_NODE_FLAGS = ["--max-semi-space-size=16"];
const HOST = "127.0.0.1";

export interface Running {
  name: string;
  process: ChildProcess;
  /** Everything it wrote so far, stdout and stderr. */
  output(): string;
  /** Its exit code (null when ended by a signal). */
  exit: Promise<number | null>;
}

export interface Instance extends Running {
  port: number;
  url: string;
}

export interface Fleet {
  /** Where clients connect: HAProxy. */
  url: string;
  /** HAProxy's own figures (its stats page; `;csv` appended for scripts). */
  statsUrl: string;
  instances: Instance[];
  haproxy: Running;
  /** Stops HAProxy and every instance still running (SIGTERM, then SIGKILL after a while). */
  stop(): Promise<void>;
}

export interface FleetOptions {
  databaseUrl: string;
  /** HAProxy's port; the instances take the three ports after it, its stats page the fourth. */
  port: number;
  /** The same for every instance; a new one when absent. */
  authSecret?: string | undefined;
  /** How often HAProxy asks each instance's /readyz (HAProxy's time format: 200ms, 2s). */
  healthCheckInterval?: string;
  /** More environment for the instances (SWEEP_INTERVAL_SECONDS, LOG_LEVEL, …). */
  env?: Record<string, string>;
  /** Where the processes' output goes besides being kept; nowhere by default. */
  echo?: boolean;
  /** Stops a start under way: whatever was started is stopped, and the start fails. */
  signal?: AbortSignal;
}

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, echo: boolean) {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk;
    if (echo) process.stderr.write(`[${name}] ${chunk}`);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exit = once(child, "exit").then(([code]) => code as number | null);
  return { name, process: child, output: () => output, exit };
}

/** Waits until `url` answers 200, or fails with what the process said if it ends first. */
async function answering(
  url: string,
  running: Running,
  signal: AbortSignal | undefined,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (running.process.exitCode !== null || running.process.signalCode !== null) break;
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${running.name} is not answering at ${url}:\n${running.output()}`);
}

async function stopProcess(running: Running, graceMs = 10_000): Promise<void> {
  const { process: child } = running;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const killer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await running.exit;
  clearTimeout(killer);
}

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  if (!existsSync(HAPROXY)) {
    throw new Error(`HAProxy is not installed at ${HAPROXY}: apt-get install haproxy`);
  }
  const echo = options.echo ?? false;
  const authSecret = options.authSecret ?? randomBytes(32).toString("base64url");
  const url = `http://${HOST}:${options.port}`;
  const statsAddress = `${HOST}:${options.port + 4}`;
  const instances: Instance[] = [];
  let haproxy: Running | undefined;
  const stop = async () => {
    await Promise.all([haproxy, ...instances].map((running) => running && stopProcess(running)));
  };
  try {
    for (const n of [1, 2, 3]) {
      const port = options.port + n;
      const env = {
        PATH: process.env.PATH ?? "",
        TZ: process.env.TZ ?? "UTC",
        NODE_ENV: "production",
        HOST,
        PORT: String(port),
        DATABASE_URL: options.databaseUrl,
        AUTH_SECRET: authSecret,
        // Links and cookies name the address users reach: HAProxy's.
        PUBLIC_URL: url,
        // HAProxy connects from this machine and appends the client's address.
        TRUST_PROXY: HOST,
        SEED_DEMO: "false",
        LOG_LEVEL: "warn",
        ...options.env,
      };
      const instance = run(
        `instance${n}`,
        process.execPath,
        [...INSTANCE_NODE_FLAGS, MAIN],
        env,
        echo,
      );
      instances.push({ ...instance, port, url: `http://${HOST}:${port}` });
    }
    // Started together, they race for the migration lock: as a rolling deployment's would.
    await Promise.all(
      instances.map((instance) => answering(`${instance.url}/readyz`, instance, options.signal)),
    );
    haproxy = run(
      "haproxy",
      HAPROXY,
      // -db: in the foreground, so that it stops with its parent's signal.
      ["-db", "-f", HAPROXY_CONFIG],
      {
        PATH: process.env.PATH ?? "",
        WATTFOLIO_BIND: `${HOST}:${options.port}`,
        ...Object.fromEntries(instances.map((i, n) => [`WATTFOLIO_${n + 1}`, `${HOST}:${i.port}`])),
        HEALTH_CHECK_INTERVAL: options.healthCheckInterval ?? "2s",
        HAPROXY_STATS_BIND: statsAddress,
      },
      echo,
    );
    await answering(`${url}/readyz`, haproxy, options.signal);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, statsUrl: `http://${statsAddress}/`, instances, haproxy, stop };
}
