/** Starts Wattfolio: configuration, database (migrated), demo data on first start, then the server. */
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { systemClock } from "../shared/domain/clock.ts";
import { buildApp, defaultClientDir } from "./app.ts";
import { type Config, loadConfig } from "./config.ts";
import { DataFolderInUseError, openDatabase } from "./db/client.ts";
import { DEMO_LOGINS, DEMO_PASSWORD, hasDemoData, seedDemo } from "./demo/seed.ts";
import { createNotices } from "./notices/notices.ts";

/** Without AUTH_SECRET the embedded mode keeps a generated one in the data folder, so sessions survive restarts. */
async function authSecret(config: Config): Promise<string> {
  if (config.authSecret) return config.authSecret;
  if (config.database.kind === "postgres") {
    console.warn("AUTH_SECRET is not set: using a development secret. Set it in production.");
    return "wattfolio-development-secret-do-not-use-in-production";
  }
  const file = `${config.dataDir}/auth-secret`;
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database).catch((error: unknown) => {
    if (error instanceof DataFolderInUseError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  });
  const clock = systemClock;
  if (config.seedDemo) await seedDemo(database.db, clock.now(), createNotices(config.publicUrl));
  const app = await buildApp({
    config,
    db: database.db,
    clock,
    authSecret: await authSecret(config),
    clientDir: defaultClientDir,
  });

  const shutdown = async (signal: string) => {
    app.log.info(`${signal} received, shutting down`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ host: config.host, port: config.port });
  const where =
    config.database.kind === "pglite" ? `embedded database in ${config.dataDir}` : "PostgreSQL";
  const lines = [``, `  Wattfolio is running at ${config.publicUrl}  (${where})`];
  if (await hasDemoData(database.db)) {
    lines.push(``, `  Demo logins (password: ${DEMO_PASSWORD})`);
    for (const login of DEMO_LOGINS) lines.push(`    ${login.email.padEnd(24)} ${login.role}`);
  }
  console.log(`${lines.join("\n")}\n`);
}

await main();
