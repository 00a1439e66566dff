/**
 * A real app on a real database for each test file: an in-memory PGlite, or the PostgreSQL server
 * when the suite runs as the `postgres` project. Time comes from a clock the test controls.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { DestinationStream } from "pino";
import { inject } from "vitest";
import { fixedClock } from "../../shared/domain/clock.ts";
import { buildApp } from "../app.ts";
import { type Config, loadConfig } from "../config.ts";
import {
  type Database,
  migratedImage,
  openDatabase,
  openMemoryDatabase,
  writeDataFolder,
} from "../db/client.ts";
import { TEST_PASSWORD } from "./factories.ts";
import { administer, databaseUrl } from "./postgres-setup.ts";

export { TEST_PASSWORD };

export const PUBLIC_URL = "http://localhost:3000";
export const onPostgres = process.env.WATTFOLIO_TEST_DB === "postgres";

function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    PUBLIC_URL,
    LOGIN_ATTEMPTS_PER_MINUTE: "1000",
    SEED_DEMO: "false",
    // Tests run sweeps and deliveries themselves, on the clock they control.
    SWEEP_INTERVAL_SECONDS: "0",
    ...overrides,
  });
}

async function testDatabase(): Promise<{ db: Database; close(): Promise<void> }> {
  if (onPostgres) {
    return openDatabase({
      kind: "postgres",
      url: inject("postgresUrl"),
      poolSize: 40,
    });
  }
  return openMemoryDatabase(await migratedPgliteImage());
}

/**
 * A migrated empty PGlite as an image in the temporary folder, made by the first test file that
 * needs it and named after the migrations, so a changed migration makes a new one. Creating and
 * migrating a PGlite takes seconds; loading the image, a fraction: it adds up over the suite.
 */
async function migratedPgliteImage(): Promise<Blob> {
  const folder = new URL("../../drizzle/", import.meta.url);
  const hash = createHash("sha256");
  for (const name of (await readdir(folder, { recursive: true })).sort()) {
    if (name.endsWith(".sql") || name.endsWith(".json")) {
      hash.update(name).update(await readFile(new URL(name, folder)));
    }
  }
  const path = join(tmpdir(), `wattfolio-pglite-${hash.digest("hex").slice(0, 16)}.tar`);
  if (existsSync(path)) return new Blob([await readFile(path)]);
  const image = await migratedImage();
  // Written aside then renamed, so that a test file starting meanwhile never reads half of it.
  const partial = `${path}.${randomBytes(4).toString("hex")}`;
  await writeFile(partial, Buffer.from(await image.arrayBuffer()));
  await rename(partial, path);
  return image;
}

/**
 * A new data folder (in the temporary folder, named after `purpose`) holding an empty migrated
 * database, for tests of a real process on the embedded database that are not about its first start.
 */
export async function migratedDataFolder(purpose: string): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), `wattfolio-${purpose}-`));
  await writeDataFolder(dataDir, await migratedPgliteImage());
  return dataDir;
}

/**
 * A database no other test file uses, for tests of work that spans every partner (reminder sweeps,
 * mail delivery): on PostgreSQL a copy of the run's migrated template, dropped when closed. `url`
 * lets a test open a second connection pool to it, as a second server instance would.
 */
async function isolatedDatabase(): Promise<{
  db: Database;
  url: string | undefined;
  close(): Promise<void>;
}> {
  if (!onPostgres) return { ...(await testDatabase()), url: undefined };
  const base = inject("postgresUrl");
  const name = `wattfolio_isolated_${randomBytes(6).toString("hex")}`;
  await administer(base, `create database ${name} template ${inject("postgresTemplate")}`);
  const url = databaseUrl(base, name);
  const database = await openDatabase({ kind: "postgres", url, poolSize: 20 });
  return {
    db: database.db,
    url,
    close: async () => {
      await database.close();
      await administer(base, `drop database if exists ${name} with (force)`);
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  /** The isolated PostgreSQL database, for a second connection pool (a second instance). */
  databaseUrl?: string | undefined;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

export async function startTestApp(
  options: {
    config?: Record<string, string>;
    now?: string;
    db?: Database;
    isolated?: boolean;
    /** Where the app's log lines go (set LOG_LEVEL in `config` too); none by default. */
    logStream?: DestinationStream;
    /** A built web client to serve; none by default. */
    clientDir?: string;
  } = {},
): Promise<TestApp> {
  const database: { db: Database; url?: string | undefined; close(): Promise<void> } = options.db
    ? { db: options.db, close: async () => {} }
    : options.isolated
      ? await isolatedDatabase()
      : await testDatabase();
  const clock = fixedClock(options.now ?? "2026-03-15T10:00:00Z");
  const app = await buildApp({
    config: testConfig(options.config),
    db: database.db,
    clock,
    authSecret: "test-secret-test-secret-test-secret-0123",
    logStream: options.logStream,
    clientDir: options.clientDir,
  });
  await app.ready();
  return {
    app,
    db: database.db,
    databaseUrl: database.url,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A browser-like session: the cookie it signed in with and a same-origin Origin header. */
export interface Session {
  cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: { origin: PUBLIC_URL },
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return {
    cookie,
    request: (options) =>
      app.inject({
        ...options,
        headers: { origin: PUBLIC_URL, cookie, ...(options.headers ?? {}) },
      }),
  };
}

/** Requests without a session, as an anonymous browser would send them. */
export function anonymous(app: FastifyInstance): Session {
  return {
    cookie: "",
    request: (options) =>
      app.inject({ ...options, headers: { origin: PUBLIC_URL, ...(options.headers ?? {}) } }),
  };
}
