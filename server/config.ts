/**
 * Configuration, read and validated once at boot. Whether Wattfolio runs on the embedded PGlite
 * database or a PostgreSQL server is decided here and nowhere else.
 */
import { isIP } from "node:net";
import { availableParallelism } from "node:os";
import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((value) => ["1", "true", "yes"].includes(value));

/** Fastify's `trustProxy`: none, how many proxies stand in front (hops), or the addresses they connect from. */
export type TrustedProxies = false | number | string[];

/**
 * TRUST_PROXY as Fastify's `trustProxy`. Fastify refuses a bare hop count (it cannot tell a proxy
 * from a client that connects directly), so hops are a function: the connection and the n - 1
 * addresses before it are proxies. A hop count is only right where clients cannot reach Wattfolio
 * but through its proxies; elsewhere name the proxies' addresses.
 */
export function fastifyTrustProxy(
  trusted: TrustedProxies,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trusted !== "number") return trusted;
  return (_address, hop) => hop < trusted;
}

/** The address ranges proxy-addr (Fastify's) knows by name. */
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Whom to believe about the client's address (X-Forwarded-For). Never "everyone": then any client
 * could name any address and no limit per address would hold.
 */
const trustedProxies = z
  .string()
  .transform((value, context): TrustedProxies => {
    const text = value.trim().toLowerCase();
    if (["false", "no", "0"].includes(text)) return false;
    if (/^\d+$/.test(text)) return Number(text);
    if (["true", "yes", "*"].includes(text)) {
      context.addIssue({
        code: "custom",
        message: `"${value}" would believe any X-Forwarded-For a client sends; say how many proxies stand in front of Wattfolio (e.g. 1) or the addresses they connect from (e.g. 10.0.0.0/8,192.168.1.7)`,
      });
      return z.NEVER;
    }
    const entries = text.split(",").map((entry) => entry.trim());
    const unknown = entries.filter((entry) => !isAddressOrRange(entry));
    if (unknown.length > 0) {
      context.addIssue({
        code: "custom",
        message: `give how many proxies stand in front of Wattfolio (e.g. 1), or their addresses or CIDR ranges separated by commas; not ${unknown.map((entry) => JSON.stringify(entry)).join(", ")}`,
      });
      return z.NEVER;
    }
    return entries;
  })
  .default(false);

/**
 * Connections an instance opens to PostgreSQL unless DATABASE_POOL_SIZE says: twice the machine's
 * cores and one (Prisma's default; PostgreSQL's throughput peaks at about twice its cores busy).
 * With 20 on a 2-core machine, eight clients kept eight backends busy beside the server's one
 * thread, which then waited for the cores: a search of applications at 100,000 measured 90–99 ms
 * p99 at 8 clients, 64–66 with 5 (three turns each, the same hour).
 */
const DEFAULT_POOL_SIZE = availableParallelism() * 2 + 1;

const environment = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(DEFAULT_POOL_SIZE),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** Unset: the demo is seeded in the embedded quick start only, never with a server or in production. */
  SEED_DEMO: flag.optional(),
  TRUST_PROXY: trustedProxies,
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1_000).default(5),
  SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(30),
  SESSION_MAX_AGE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 366)
    .default(7 * 24),
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 366)
    .default(12),
  API_KEY_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).optional(),
  SWEEP_INTERVAL_SECONDS: z.coerce.number().min(0).max(86_400).default(60),
  SWEEP_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  MAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(50),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(10_000),
  WEBHOOK_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(50),
  /** Unset: endpoints on this machine or a private network are accepted except in production. */
  WEBHOOK_ALLOW_LOCAL_HTTP: flag.optional(),
  WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(30),
  TEST_CLOCK: flag.default(false),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(20),
  /** Unset: no metrics listener. Metrics never share the public port. */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().default("127.0.0.1"),
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
  trustProxy: TrustedProxies;
  signIn: SignInLimits;
  sessions: SessionLimits;
  /** Requests one API key may make per minute, all instances together (the usage API's limit). */
  apiKeyRequestsPerMinute: number;
  logLevel: string;
  mail: MailConfig;
  webhooks: WebhookConfig;
  lifecycle: LifecycleConfig;
  /** The test clock: the application's time runs ahead of real time by an offset kept in the database. */
  testClock: boolean;
  /** How long a stopping instance waits for requests in flight before it exits anyway. */
  shutdownTimeoutMs: number;
  /** Where Prometheus scrapes `/metrics`: a listener of its own, off unless a port is given. */
  metrics: { host: string; port: number } | undefined;
}

export interface SignInLimits {
  /** Sign-in requests per client address and minute, successful or not: a ceiling against floods. */
  requestsPerMinute: number;
  /** Failed sign-ins of one account (its e-mail) before each further attempt waits, longer and longer. */
  failuresPerAccount: number;
  /** The same for one client address, whichever accounts it tries. */
  failuresPerAddress: number;
}

export interface SessionLimits {
  /** A session ends this long after signing in, however much it is used. */
  maxAgeSeconds: number;
  /** A session ends when unused for this long. */
  idleSeconds: number;
}

export interface MailConfig {
  /** SMTP server to deliver through (`smtp://user:pass@host:587`); without it mail lands in the in-app mailbox. */
  smtpUrl: string | undefined;
  from: string;
  /** How many e-mails one dispatcher run takes at most. */
  batchSize: number;
}

export interface WebhookConfig {
  /** How long one delivery waits for the endpoint's answer. */
  timeoutMs: number;
  /** How many deliveries one run takes at most. */
  batchSize: number;
  /**
   * Whether http://localhost (127.0.0.1, ::1) endpoints are accepted beside https:// ones, and
   * endpoints may be on this machine or a private network at all (otherwise refused, SSRF).
   */
  allowLocalHttp: boolean;
  /** How long delivered and failed deliveries, with their attempts, are kept. */
  retentionMs: number;
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
  if (e.SESSION_IDLE_HOURS > e.SESSION_MAX_AGE_HOURS) {
    throw new Error(
      "Invalid configuration:\n  SESSION_IDLE_HOURS: longer than SESSION_MAX_AGE_HOURS, the most a session lives",
    );
  }
  if (e.METRICS_PORT !== undefined && e.METRICS_PORT === e.PORT) {
    throw new Error(
      "Invalid configuration:\n  METRICS_PORT: the same as PORT; metrics are served on a port of their own, apart from the public one",
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
    signIn: {
      requestsPerMinute: e.LOGIN_ATTEMPTS_PER_MINUTE,
      failuresPerAccount: e.SIGN_IN_FAILURES_PER_ACCOUNT,
      failuresPerAddress: e.SIGN_IN_FAILURES_PER_ADDRESS,
    },
    sessions: {
      maxAgeSeconds: Math.round(e.SESSION_MAX_AGE_HOURS * 3600),
      idleSeconds: Math.round(e.SESSION_IDLE_HOURS * 3600),
    },
    apiKeyRequestsPerMinute: e.API_KEY_REQUESTS_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM ?? `Wattfolio <no-reply@${new URL(publicUrl).hostname}>`,
      batchSize: e.MAIL_BATCH_SIZE,
    },
    webhooks: {
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      batchSize: e.WEBHOOK_BATCH_SIZE,
      allowLocalHttp: e.WEBHOOK_ALLOW_LOCAL_HTTP ?? e.NODE_ENV !== "production",
      retentionMs: e.WEBHOOK_RETENTION_DAYS * 24 * 60 * 60_000,
    },
    lifecycle: { intervalMs: e.SWEEP_INTERVAL_SECONDS * 1000, batchSize: e.SWEEP_BATCH_SIZE },
    testClock: e.TEST_CLOCK,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    metrics:
      e.METRICS_PORT === undefined ? undefined : { host: e.METRICS_HOST, port: e.METRICS_PORT },
  };
}
