/**
 * Opens the database: the embedded PGlite in a data folder, or a PostgreSQL server. Both run the same
 * drizzle-kit migrations and serve the same queries through one Drizzle type.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import {
  type PgDatabase,
  PgDialect,
  type PgQueryResultHKT,
  type PgTable,
} from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import lockfile from "proper-lockfile";
import type { DatabaseConfig } from "../config.ts";
import * as schema from "./schema/index.ts";

/** The extensions the migrations create, which PGlite loads only when told. */
const extensions = { pg_trgm };

/** A database or an open transaction: use cases take either. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseConfig["kind"];
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

/** Same key in every instance: only one of several starting servers migrates at a time. */
const MIGRATION_LOCK = 7_741_302_118;

export class DataFolderInUseError extends Error {}

/** Where the database's own troubles are told (a connection cut while idle, say). */
export interface DatabaseLog {
  warn(details: object, message: string): void;
}

const consoleLog: DatabaseLog = {
  warn: (details, message) => {
    const cause = (details as { err?: { message?: string } }).err?.message;
    console.warn(cause ? `${message} (${cause})` : message);
  },
};

export async function openDatabase(
  config: DatabaseConfig,
  log: DatabaseLog = consoleLog,
): Promise<DatabaseHandle> {
  return config.kind === "pglite"
    ? openPglite(config.dataDir)
    : openPostgres(config.url, config.poolSize, log);
}

/**
 * PGlite is a single-process database: two processes writing one folder would corrupt it, so the
 * folder is locked for as long as this process has it open. The lock names its process, so a lock
 * left by a process that is gone (killed, crashed) is taken over at once.
 */
async function lockDataFolder(dataDir: string): Promise<() => Promise<void>> {
  const lockfilePath = `${dataDir}/.wattfolio.lock`;
  const ownerFile = `${dataDir}/.wattfolio.pid`;
  const take = () => lockfile.lock(dataDir, { lockfilePath, stale: 15_000 });
  let release: () => Promise<void>;
  try {
    release = await take();
  } catch (error) {
    if ((error as { code?: string }).code !== "ELOCKED") throw error;
    const owner = Number(await readFile(ownerFile, "utf8").catch(() => ""));
    if (owner > 0 && processIsAlive(owner)) {
      throw new DataFolderInUseError(
        `The data folder ${dataDir} is already in use by another Wattfolio process (pid ${owner}). ` +
          "Stop that process first, or point DATA_DIR to another folder.",
      );
    }
    await rm(lockfilePath, { recursive: true, force: true });
    release = await take().catch((again: unknown) => {
      throw (again as { code?: string }).code === "ELOCKED"
        ? new DataFolderInUseError(
            `The data folder ${dataDir} is already in use by another Wattfolio process.`,
          )
        : again;
    });
  }
  await writeFile(ownerFile, String(process.pid));
  return release;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to someone else.
    return (error as { code?: string }).code === "EPERM";
  }
}

/** Where in a data folder PGlite keeps its database (beside the lock and the auth secret). */
const DATABASE_SUBFOLDER = "pg";

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  await mkdir(dataDir, { recursive: true });
  const release = await lockDataFolder(dataDir);
  // PostgreSQL's 128 MB of shared buffers, in WebAssembly memory that never shrinks, held most of
  // an idle instance's memory; a data folder's working set fits in far less.
  const client = await PGlite.create(`${dataDir}/${DATABASE_SUBFOLDER}`, {
    extensions,
    startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"],
  });
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  await migratePglite(drizzlePglite({ client }), { migrationsFolder });
  await workAsAppRole(client);
  return {
    db,
    kind: "pglite",
    close: async () => {
      await client.close();
      await release();
    },
  };
}

async function openPostgres(
  url: string,
  poolSize: number,
  log: DatabaseLog,
): Promise<DatabaseHandle> {
  const asAppRole = await migrateWithLock(url);
  if (!asAppRole) {
    log.warn({}, `working as the tables' owner: the role ${APP_ROLE} is missing or not granted`);
  }
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: url,
    max: poolSize,
    // A database that does not answer costs a request a few seconds and a 503, not a hang.
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    // Every connection works as the application's role from its first statement on: set when it
    // opens, so no query of the pool ever runs before it.
    ...(asAppRole ? { options: `-c role=${APP_ROLE}` } : {}),
  });
  // A connection cut while idle in the pool (PostgreSQL restarted, a backend terminated) is
  // dropped and replaced on the next request; without a listener it would end the process.
  pool.on("error", (error) => {
    log.warn({ err: error }, "a database connection was lost; the pool replaces it");
  });
  return {
    db: drizzlePostgres({ client: pool, schema }) as unknown as Database,
    kind: "postgres",
    close: () => pool.end(),
  };
}

/**
 * Migrations run as the tables' owner, on a connection of their own, never the pool's. Answers
 * whether the pool's connections may then work as the application's role.
 */
async function migrateWithLock(url: string): Promise<boolean> {
  const connection = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  connection.on("error", () => {});
  await connection.connect();
  try {
    await connection.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migratePostgres(drizzlePostgres({ client: connection }), { migrationsFolder });
    return await mayWorkAsAppRole((text) => connection.query(text));
  } finally {
    await connection.end().catch(() => {});
  }
}

/**
 * The role the application works as (made by migration 0007): it reads and writes the product's
 * tables but cannot change, remove or truncate the account history.
 */
const APP_ROLE = "wattfolio_app";
const WORK_AS_APP_ROLE = `set role ${APP_ROLE}`;

async function mayWorkAsAppRole(
  query: (text: string) => Promise<{ rows: unknown[] }>,
): Promise<boolean> {
  const { rows } = await query(
    `select case when exists (select from pg_roles where rolname = '${APP_ROLE}')
       then pg_has_role(current_user, '${APP_ROLE}', 'member') else false end as may`,
  );
  return (rows[0] as { may?: boolean } | undefined)?.may === true;
}

/** PGlite has one connection: after its migrations it works as the application's role. */
async function workAsAppRole(client: PGlite): Promise<void> {
  if (await mayWorkAsAppRole((text) => client.query(text))) await client.exec(WORK_AS_APP_ROLE);
}

/** The data folder of a fresh in-memory database with every migration, as an image to start from. */
export async function migratedImage(): Promise<Blob> {
  const client = await PGlite.create({ extensions });
  try {
    await migratePglite(drizzlePglite({ client }), { migrationsFolder });
    return await client.dumpDataDir("none");
  } finally {
    await client.close();
  }
}

/**
 * Writes `image` as the database of the data folder `dataDir`, which then opens as the folder of an
 * instance that has run the image's migrations: seconds of creating and migrating saved.
 */
export async function writeDataFolder(dataDir: string, image: Blob): Promise<void> {
  const client = await PGlite.create(`${dataDir}/${DATABASE_SUBFOLDER}`, {
    extensions,
    loadDataDir: image,
  });
  await client.close();
}

/**
 * An in-memory PGlite with the migrations applied: a fresh database for one test file. From an
 * `image` of an already migrated database it starts in a fraction of the time (the migrations then
 * find nothing to do).
 */
export async function openMemoryDatabase(image?: Blob): Promise<DatabaseHandle> {
  const client = await PGlite.create(image ? { extensions, loadDataDir: image } : { extensions });
  await migratePglite(drizzlePglite({ client }), { migrationsFolder });
  await workAsAppRole(client);
  return {
    db: drizzlePglite({ client, schema }) as unknown as Database,
    kind: "pglite",
    close: () => client.close(),
  };
}

/** The connection pool to a PostgreSQL server; none for the embedded PGlite. */
function poolOf(db: Database): pg.Pool | undefined {
  const client = (db as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : undefined;
}

export interface PoolUsage {
  /** Connections the pool may open at most (DATABASE_POOL_SIZE). */
  size: number;
  /** Connections running a query or a transaction now. */
  inUse: number;
  /** Requests for a connection waiting until one is free. */
  waiting: number;
}

/**
 * How busy the connection pool is, on a PostgreSQL server. The embedded PGlite has one connection
 * and keeps its queue to itself: nothing to tell there.
 */
export function poolUsage(db: Database): PoolUsage | undefined {
  const pool = poolOf(db);
  if (!pool) return undefined;
  return {
    size: pool.options.max,
    inUse: pool.totalCount - pool.idleCount,
    waiting: pool.waitingCount,
  };
}

const dialect = new PgDialect();
const statementNames = new Map<string, string>();

/** A name per statement text, as PostgreSQL keeps prepared statements by name. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `wf_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

/** Rows of a statement written in SQL; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * A connection to a PostgreSQL server that prepares each statement of the application (a query or
 * a change, whose values all travel as parameters) once, by its text, and then only binds and runs
 * it: PostgreSQL keeps its plan for the connection. Planning a page's statement (joins, a count,
 * the many indexes of a long list's table) cost more than running it: the approved applications of
 * 100,000 took 7.5 ms of PostgreSQL's time per page, 2.5 prepared. Other statements (SET, VACUUM),
 * searches (but those of onePlanForEveryText) and queries that submit themselves (a cursor) go as
 * they are.
 */
class PreparingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((config: unknown, ...rest: unknown[]) =>
      query(named(config), ...rest)) as typeof this.query;
  }
}

const PREPARED = /^\s*(select|insert|update|delete|with)\b/i;
/**
 * A search for text (`ilike` or `like`, beside its letter pairs or trigrams) is planned for the
 * text it is given: how common the text is decides whether its index or the list's order is read
 * first. A plan kept for every text cost the Active zone's search "ho" at 100,000 accounts 9.5 ms
 * of PostgreSQL's time instead of 5.8.
 */
const SEARCHING = /\si?like\s/i;
const FITS_EVERY_TEXT = "/* one plan fits every text */";

/**
 * A search whose plan is the same whatever its text: a statement holding it is prepared like any
 * other. It reads only the indexes of its text and of ids, never a list's order (what a search
 * names, and the page of the few applications it finds). Planned anew for every search, the
 * review queue's searches at 100,000 cost 0.7–1.5 ms more of PostgreSQL's time each.
 */
export const onePlanForEveryText = (query: SQL): SQL => sql`${sql.raw(FITS_EVERY_TEXT)} ${query}`;

function named(config: unknown): unknown {
  if (typeof config !== "object" || config === null) return config;
  const { text, name, submit } = config as { text?: unknown; name?: unknown; submit?: unknown };
  if (typeof text !== "string" || name !== undefined || submit !== undefined) return config;
  const prepared = text.includes(FITS_EVERY_TEXT) || (PREPARED.test(text) && !SEARCHING.test(text));
  return prepared ? { ...config, name: statementName(text) } : config;
}

/** A statement of one row with a column per entry of `values` (`select <value> as <name>, …`). */
export const selectValues = (values: Record<string, SQL>): SQL =>
  sql`select ${sql.join(
    Object.entries(values).map(([name, value]) => sql`${value} as ${sql.identifier(name)}`),
    sql`, `,
  )}`;

/** The tables a maintenance command names: none means every table of the database. */
const tablesNamed = (tables: PgTable[]): SQL =>
  tables.length === 0 ? sql`` : sql` ${sql.join(tables, sql`, `)}`;

/**
 * Planner statistics for freshly loaded tables, as autovacuum would gather them soon (benchmarks,
 * plan tests). ANALYZE is the owner's: the application's role would silently skip every table.
 */
export async function refreshStatistics(db: Database, tables: PgTable[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local role none`);
    await tx.execute(sql`analyze${tablesNamed(tables)}`);
  });
}

/**
 * The visibility map and planner statistics of freshly loaded tables, as autovacuum makes them
 * soon after a bulk load (benchmarks): index-only scans then read no table pages. VACUUM runs
 * outside any transaction, as the tables' owner. `settled`: the load's pages are also written out,
 * as the checkpointer soon would, so that a benchmark's first measures do not share the machine
 * with the checkpoint of a million rows.
 */
export async function vacuumAndAnalyze(
  db: Database,
  tables: PgTable[] = [],
  { settled = false } = {},
): Promise<void> {
  const statements = [
    dialect.sqlToQuery(sql`vacuum analyze${tablesNamed(tables)}`).sql,
    ...(settled ? ["checkpoint"] : []),
  ];
  const pool = poolOf(db);
  if (pool) {
    const connection = await pool.connect();
    try {
      await connection.query("set role none");
      for (const statement of statements) await connection.query(statement);
    } finally {
      // Its role changed: the pool opens another rather than lend this one.
      connection.release(true);
    }
    return;
  }
  const [working] = await queryRows<{ role: string }>(db, sql`select current_user as role`);
  await db.execute(sql`set role none`);
  for (const statement of statements) await db.execute(sql.raw(statement));
  if (working) await db.execute(sql`set role ${sql.identifier(working.role)}`);
}

/** How many migrations this build ships: a database with fewer applied is not ready for it. */
const migrationsShipped: Promise<number> = readFile(
  `${migrationsFolder}/meta/_journal.json`,
  "utf8",
).then((journal) => (JSON.parse(journal) as { entries: unknown[] }).entries.length);

/** Ready to serve: the database answers and has every migration this build ships. */
export async function isReady(db: Database): Promise<boolean> {
  try {
    const [applied] = await queryRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    return (applied?.count ?? 0) >= (await migrationsShipped);
  } catch {
    return false;
  }
}
