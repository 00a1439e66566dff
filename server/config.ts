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
  SEED_DEMO: flag.default(true),
  TRUST_PROXY: flag.default(false),
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
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
  /** Signs session cookies; when unset in embedded mode one is generated and kept in the data folder. */
  authSecret: string | undefined;
  seedDemo: boolean;
  trustProxy: boolean;
  loginAttemptsPerMinute: number;
  logLevel: string;
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
  if (e.NODE_ENV === "production" && e.DATABASE_URL && !e.AUTH_SECRET) {
    throw new Error(
      "Invalid configuration:\n  AUTH_SECRET: required in production with DATABASE_URL",
    );
  }
  return {
    environment: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    dataDir: e.DATA_DIR,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: "pglite", dataDir: e.DATA_DIR },
    authSecret: e.AUTH_SECRET,
    seedDemo: e.SEED_DEMO,
    trustProxy: e.TRUST_PROXY,
    loginAttemptsPerMinute: e.LOGIN_ATTEMPTS_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
  };
}
