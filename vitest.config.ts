import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Three projects: pure domain units; the server suite on an in-memory PGlite per test file; and the
 * same server suite on the PostgreSQL server named by TEST_DATABASE_URL (where the concurrency tests
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
          include: serverTests,
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
