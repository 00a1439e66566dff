/**
 * Configuration, read and validated once at boot. Whether Wattfolio runs on the embedded PGlite
 * database or a PostgreSQL server is decided here and nowhere else.
 */
import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((value) => ["1", "true", "yes"].includes(value));

const environment = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** Unset: the demo is seeded in the embedded quick start only, never with a server or in production. */
  SEED_DEMO: flag.optional(),
  TRUST_PROXY: flag.default(false),
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).optional(),
  SWEEP_INTERVAL_SECONDS: z.coerce.number().min(0).max(86_400).default(60),
  SWEEP_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  MAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(50),
  TEST_CLOCK: flag.default(false),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(20),
});

export type DatabaseConfig =
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string; poolSize: number };

export interface Config {
  environment: "development" | "production" | "test";
  host: string;
  port: number;
  /** Where users reach the web app; cookies, cross-site checks and links in e-mails use it. */
  publicUrl: string;
  dataDir: string;
  database: DatabaseConfig;
  /** Signs session cookies; required with a server, generated and kept in the data folder when embedded. */
  authSecret: string | undefined;
  seedDemo: boolean;
  trustProxy: boolean;
  loginAttemptsPerMinute: number;
  logLevel: string;
  mail: MailConfig;
  lifecycle: LifecycleConfig;
  /** The test clock: the application's time runs ahead of real time by an offset kept in the database. */
  testClock: boolean;
  /** How long a stopping instance waits for requests in flight before it exits anyway. */
  shutdownTimeoutMs: number;
}

export interface MailConfig {
  /** SMTP server to deliver through (`smtp://user:pass@host:587`); without it mail lands in the in-app mailbox. */
  smtpUrl: string | undefined;
  from: string;
  /** How many e-mails one dispatcher run takes at most. */
  batchSize: number;
}

export interface LifecycleConfig {
  /** How often every instance sweeps for reminders and dispatches mail; 0 turns the schedule off. */
  intervalMs: number;
  /** How many accounts one sweep batch takes at most. */
  batchSize: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production" && e.TEST_CLOCK) {
    throw new Error(
      "Invalid configuration:\n  TEST_CLOCK: moves the application's time; not for production",
    );
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  return {
    environment: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    dataDir: e.DATA_DIR,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: "pglite", dataDir: e.DATA_DIR },
    authSecret: e.AUTH_SECRET,
    seedDemo: e.SEED_DEMO ?? (!e.DATABASE_URL && e.NODE_ENV !== "production"),
    trustProxy: e.TRUST_PROXY,
    loginAttemptsPerMinute: e.LOGIN_ATTEMPTS_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM ?? `Wattfolio <no-reply@${new URL(publicUrl).hostname}>`,
      batchSize: e.MAIL_BATCH_SIZE,
    },
    lifecycle: { intervalMs: e.SWEEP_INTERVAL_SECONDS * 1000, batchSize: e.SWEEP_BATCH_SIZE },
    testClock: e.TEST_CLOCK,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
  };
}
