import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

// E2E_PORT lets several checkouts run their journeys side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
// A second instance starts the way an operator does on an empty database: no demo, the first
// Customer Success user invited from the command line, whose printed link the journey follows.
const EMPTY_PORT = PORT + 1;
const EMPTY_URL = `http://localhost:${EMPTY_PORT}`;
// The journeys run again in Spanish on a phone, against a demo instance of their own: each run
// changes the portfolio it works on.
const SPANISH_PORT = PORT + 2;
const SPANISH_URL = `http://localhost:${SPANISH_PORT}`;

// The real product on an empty data folder, seeded with the demo portfolio on start. Workers load
// this file again and inherit the folder the main process made.
process.env.WATTFOLIO_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "wattfolio-e2e-"));
process.env.WATTFOLIO_E2E_EMPTY_DIR ??= mkdtempSync(join(tmpdir(), "wattfolio-e2e-empty-"));
process.env.WATTFOLIO_E2E_SPANISH_DIR ??= mkdtempSync(join(tmpdir(), "wattfolio-e2e-es-"));
const BOOTSTRAP_OUTPUT = join(process.env.WATTFOLIO_E2E_EMPTY_DIR, "create-staff.txt");

/** A phone held upright (390 × 844), in a Spanish-speaking browser. */
const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  locale: "es-ES",
};

export default defineConfig({
  testDir: "tests/e2e",
  // Runs side by side (E2E_PORT) keep their traces apart: each run empties its own folder.
  outputDir: `test-results/${PORT}`,
  // Each project's journeys run one after another, on a server of its own (they change the
  // portfolio they work on); two projects run side by side. One worker left a quarter of the
  // machine's two cores idle while a browser waited on its server and the server on the browser.
  workers: 2,
  retries: 0,
  // Journeys sign in as two or three people in turn; a busy two-core machine needs the headroom.
  timeout: 60_000,
  // A page's code loads on its first visit (the client is split by route): on a busy two-core
  // machine a first visit can take more than the default five seconds to show.
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1440, height: 900 },
    locale: "en-GB",
    timezoneId: "Europe/Madrid",
    // As a browser set to reduce motion: no transitions to render and wait out (the app honours it).
    reducedMotion: "reduce",
    // A failed journey keeps its trace of the page's DOM at every step, and a screenshot of where
    // it stopped. The trace's screencast (a frame at every change) took a third of every journey's
    // time: 79 s against 54 s for the account management journeys.
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: true, sources: false },
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's chromium-headless-shell: Chromium's old headless mode, the one Playwright itself
      // runs headless tests in; the journeys took 10 minutes in it against 12.5 in the browser.
      executablePath: "/usr/bin/chromium-headless-shell",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // Moving the test clock changes what every other journey sees (days left, expiry, reminders):
  // the journeys that move it run once all others are done.
  projects: [
    { name: "journeys", testIgnore: /(test-clock|first-start)\.spec\.ts$/, workers: 1 },
    {
      name: "test clock",
      testMatch: /test-clock\.spec\.ts$/,
      dependencies: ["journeys"],
      workers: 1,
    },
    {
      name: "first start",
      testMatch: /first-start\.spec\.ts$/,
      use: { baseURL: EMPTY_URL },
      workers: 1,
    },
    {
      // The journeys tagged @phone, in Spanish on a phone: every screen (the axe journeys visit them
      // all), the main flows and the messages that come from the server. The rest of the journeys
      // test rules that neither the language nor the screen's width changes.
      name: "journeys · es · phone",
      testIgnore: /(test-clock|first-start)\.spec\.ts$/,
      grep: /@phone/,
      workers: 1,
      metadata: { language: "es" },
      use: { ...PHONE, baseURL: SPANISH_URL },
    },
    {
      name: "test clock · es · phone",
      testMatch: /test-clock\.spec\.ts$/,
      dependencies: ["journeys · es · phone"],
      workers: 1,
      metadata: { language: "es" },
      use: { ...PHONE, baseURL: SPANISH_URL },
    },
  ],
  webServer: [
    {
      command: "node server/main.ts",
      url: `${BASE_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(PORT),
        PUBLIC_URL: BASE_URL,
        DATA_DIR: process.env.WATTFOLIO_E2E_DATA_DIR,
        LOGIN_ATTEMPTS_PER_MINUTE: "1000",
        LOG_LEVEL: "warn",
        // Only adds the test clock's two routes; the clock journey moves it, after every other one.
        TEST_CLOCK: "1",
      },
    },
    {
      command: "node server/main.ts",
      url: `${SPANISH_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(SPANISH_PORT),
        PUBLIC_URL: SPANISH_URL,
        DATA_DIR: process.env.WATTFOLIO_E2E_SPANISH_DIR,
        LOGIN_ATTEMPTS_PER_MINUTE: "1000",
        LOG_LEVEL: "warn",
        TEST_CLOCK: "1",
      },
    },
    {
      command: `node server/admin/cli.ts create-staff --email ops@wattfolio.example --name "Olivia Operator" > "${BOOTSTRAP_OUTPUT}" && exec node server/main.ts`,
      url: `${EMPTY_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(EMPTY_PORT),
        PUBLIC_URL: EMPTY_URL,
        DATA_DIR: join(process.env.WATTFOLIO_E2E_EMPTY_DIR, "data"),
        SEED_DEMO: "0",
        // E-mails (invitations, password resets) reach the mailbox within seconds.
        SWEEP_INTERVAL_SECONDS: "2",
        LOGIN_ATTEMPTS_PER_MINUTE: "1000",
        LOG_LEVEL: "warn",
      },
    },
  ],
});
