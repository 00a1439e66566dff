import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Three projects: pure domain units; server suites on an in-memory PGlite per test file; and the
 * server suites on the PostgreSQL server named by TEST_DATABASE_URL (where the concurrency tests
 * run, since PGlite serialises everything). In CI a missing database fails the run.
 */
const postgresUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI === "true" && !postgresUrl) {
  throw new Error(
    "CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suite cannot be skipped in CI.",
  );
}

const serverTests = ["server/**/*.test.ts"];
/**
 * With a PostgreSQL server at hand, the server suites run on it (the production database) and PGlite
 * runs the suites about the embedded database itself: its data folder, its start and commands, its
 * backups, the transactions it serialises, and the query plans its long lists depend on. The SQL is
 * the same on both (PGlite is PostgreSQL); running every suite twice doubled the run's time, and the
 * Playwright journeys already run whole on PGlite. Without a server, PGlite runs them all.
 */
const embeddedTests = [
  "server/db/**/*.test.ts",
  "server/production-start.test.ts",
  "server/backup.test.ts",
  "server/jobs/cli.test.ts",
  "server/admin/commands.test.ts",
  "server/usage/concurrency.test.ts",
  "server/metrics/metrics.test.ts",
  // Their query plans, as the planner of PGlite makes them: a new file of plan tests belongs here.
  "server/accounts/history-pages.test.ts",
  "server/accounts/pending-applications.test.ts",
  "server/applications/list-pages.test.ts",
  "server/mail/mail-pages.test.ts",
  "server/reminders/expiry-events.test.ts",
  "server/reminders/sweep.test.ts",
  "server/usage/datapoint-pages.test.ts",
  "server/usage/reachable-accounts.test.ts",
];
/**
 * The server suites share each worker's modules between test files instead of importing the whole
 * server again for every file (a third of the run's time); every test file builds its own app and
 * database, and no test mocks a module, so nothing leaks from one file to the next.
 */
const isolate = false;
const env = { TZ: "UTC" };
/**
 * The server suites mostly wait on a database: three test files at once on two cores took half the
 * time of Vitest's default here (one fewer than the cores: one at a time).
 */
const maxWorkers = 3;
/** Under three files at once, a long test (a month of hourly sweeps) takes twice its quiet time. */
const testTimeout = 60_000;

export default defineConfig({
  test: {
    maxWorkers,
    projects: [
      {
        // Pure logic of the web client (no DOM) runs with the domain's units.
        test: {
          name: "unit",
          include: ["shared/**/*.test.ts", "client/src/**/*.test.ts", "scripts/**/*.test.ts"],
          env,
        },
        resolve: { alias: { "@shared": fileURLToPath(new URL("./shared", import.meta.url)) } },
      },
      {
        test: {
          name: "pglite",
          include: postgresUrl ? embeddedTests : serverTests,
          env: { ...env, WATTFOLIO_TEST_DB: "pglite" },
          isolate,
          testTimeout,
          hookTimeout: 60_000,
        },
      },
      ...(postgresUrl
        ? [
            {
              test: {
                name: "postgres",
                include: serverTests,
                env: { ...env, WATTFOLIO_TEST_DB: "postgres", TEST_DATABASE_URL: postgresUrl },
                globalSetup: ["server/test/postgres-setup.ts"],
                isolate,
                testTimeout,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
