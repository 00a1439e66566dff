/**
 * Starting Wattfolio for real (`node server/main.ts`, as `npm run serve` does) with production
 * settings: no demo logins unless asked for, and never a start while the demo's published logins
 * exist. A stopped instance exits cleanly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DatabaseConfig } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { demoLoginsPresent, seedDemo } from "./demo/seed.ts";
import { createNotices } from "./notices/notices.ts";
import { migratedDataFolder, onPostgres, PUBLIC_URL, startTestApp } from "./test/harness.ts";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/**
 * An empty database of the suite's kind, and the environment that points a server at it. A
 * `migrated` data folder has its migrations already run, as an instance leaves it; otherwise the
 * server is the first to open it.
 */
async function emptyDatabase({ migrated = false } = {}): Promise<{
  env: Record<string, string>;
  database: DatabaseConfig;
}> {
  if (onPostgres) {
    const t = await startTestApp({ isolated: true });
    await t.app.close();
    cleanups.push(t.close);
    const url = t.databaseUrl as string;
    return { env: { DATABASE_URL: url }, database: { kind: "postgres", url, poolSize: 2 } };
  }
  const dataDir = migrated
    ? await migratedDataFolder("production")
    : await mkdtemp(join(tmpdir(), "wattfolio-production-"));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  return { env: { DATA_DIR: dataDir }, database: { kind: "pglite", dataDir } };
}

interface Started {
  process: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function startServer(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ["server/main.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      AUTH_SECRET: randomBytes(32).toString("hex"),
      PORT: "0",
      LOG_LEVEL: "warn",
      SWEEP_INTERVAL_SECONDS: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exit = once(child, "exit").then(([code]) => code as number | null);
  return { process: child, output: () => output, exit };
}

async function running(started: Started): Promise<boolean> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    if (started.output().includes("Wattfolio is running")) return true;
    if (started.process.exitCode !== null) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

// A real process on a data folder or database of its own: slower than an inject.
describe("a production start", { timeout: 120_000 }, () => {
  it("on an empty database has no demo logins, and stops cleanly on SIGTERM", async () => {
    const { env, database } = await emptyDatabase();
    const server = startServer(env);
    expect(await running(server), server.output()).toBe(true);
    expect(server.output()).not.toContain("Demo logins");
    server.process.kill("SIGTERM");
    expect(await server.exit).toBe(0);

    const opened = await openDatabase(database);
    try {
      expect(await demoLoginsPresent(opened.db)).toBe(false);
    } finally {
      await opened.close();
    }
  });

  it("refuses to start while the demo logins exist", async () => {
    const { env, database } = await emptyDatabase({ migrated: true });
    const opened = await openDatabase(database);
    try {
      await seedDemo(opened.db, {
        now: new Date(),
        notices: createNotices(PUBLIC_URL),
        publicUrl: PUBLIC_URL,
      });
    } finally {
      await opened.close();
    }
    const server = startServer(env);
    expect(await server.exit).toBe(1);
    expect(server.output()).toMatch(/Refusing to start in production: the demo logins/);
  });
});
