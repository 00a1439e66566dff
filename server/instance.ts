/** One Wattfolio instance: configuration, database (migrated), demo data when asked for, then the server. */
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { systemClock } from "../shared/domain/clock.ts";
import { buildApp, defaultClientDir } from "./app.ts";
import { type Config, loadConfig } from "./config.ts";
import { DataFolderInUseError, openDatabase } from "./db/client.ts";
import { DEMO_LOGINS, DEMO_PASSWORD, demoLoginsPresent, seedDemo } from "./demo/seed.ts";
import { createNotices } from "./notices/notices.ts";

/** Embedded, without AUTH_SECRET, a generated secret is kept in the data folder so sessions survive restarts. */
async function authSecret(config: Config): Promise<string> {
  if (config.authSecret) return config.authSecret;
  if (config.database.kind === "postgres") {
    // Every instance on a server must sign cookies with the same secret, and none is built in.
    refuse(
      "Invalid configuration:\n  AUTH_SECRET: required with DATABASE_URL, the same for every instance (e.g. AUTH_SECRET=$(openssl rand -base64 32))",
    );
  }
  const file = `${config.dataDir}/auth-secret`;
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

function refuse(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    refuse((error as Error).message);
  }
  const database = await openDatabase(config.database).catch((error: unknown) => {
    if (error instanceof DataFolderInUseError) refuse(error.message);
    throw error;
  });
  const clock = systemClock;
  if (config.seedDemo)
    await seedDemo(database.db, {
      now: clock.now(),
      notices: createNotices(config.publicUrl),
      publicUrl: config.publicUrl,
    });
  const demoLogins = await demoLoginsPresent(database.db);
  if (demoLogins && config.environment === "production") {
    await database.close();
    refuse(
      "Refusing to start in production: the demo logins (published password) exist in this database. " +
        "Start on a database without the demo data.",
    );
  }
  const app = await buildApp({
    config,
    db: database.db,
    clock,
    authSecret: await authSecret(config),
    clientDir: defaultClientDir,
  });

  // Stop taking requests (new ones get 503 meanwhile), finish those in flight, stop the schedule,
  // close the pool; an instance that cannot drain in time exits anyway.
  const inFlight = new Set<ServerResponse>();
  app.server.on("request", (_request, response: ServerResponse) => {
    inFlight.add(response);
    response.once("close", () => inFlight.delete(response));
  });
  const shutdown = async (signal: string) => {
    app.log.info(`${signal} received, draining`);
    // Node closes the idle keep-alive connections as the server closes, not those busy then: a
    // load balancer's would hold the exit until its keep-alive timeout. Each closes after its answer.
    for (const response of inFlight) {
      if (!response.headersSent) response.setHeader("connection", "close");
      else response.once("finish", () => response.socket?.end());
    }
    setTimeout(() => {
      app.log.error(`could not drain within ${config.shutdownTimeoutMs} ms; exiting`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ host: config.host, port: config.port });
  if (config.metrics) await app.metricsListener.listen(config.metrics);
  const where =
    config.database.kind === "pglite" ? `embedded database in ${config.dataDir}` : "PostgreSQL";
  const lines = [``, `  Wattfolio is running at ${config.publicUrl}  (${where})`];
  if (config.metrics) {
    lines.push(
      `  Metrics for Prometheus at http://${config.metrics.host}:${config.metrics.port}/metrics`,
    );
  }
  if (demoLogins) {
    lines.push(``, `  Demo logins (password: ${DEMO_PASSWORD})`);
    for (const login of DEMO_LOGINS) lines.push(`    ${login.email.padEnd(24)} ${login.role}`);
  }
  console.log(`${lines.join("\n")}\n`);
}

await main();
