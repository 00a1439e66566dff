/**
 * Writes the API's OpenAPI document as the server builds it, for tools that read a file
 * (`npm run lint:openapi`, `npm run openapi:types`): `node server/openapi/dump.ts <file>`.
 * The app is built on an in-memory database and never listens.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { systemClock } from "../../shared/domain/clock.ts";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { openMemoryDatabase } from "../db/client.ts";

const target = process.argv[2];
if (!target) {
  console.error("usage: node server/openapi/dump.ts <file.json>");
  process.exit(2);
}
const database = await openMemoryDatabase();
const app = await buildApp({
  // The published document: the server's routes without the test clock's.
  config: loadConfig({
    ...process.env,
    LOG_LEVEL: "silent",
    SEED_DEMO: "false",
    TEST_CLOCK: "false",
  }),
  db: database.db,
  clock: systemClock,
  authSecret: "openapi-dump-openapi-dump-openapi-dump",
});
await app.ready();
await mkdir(dirname(target), { recursive: true });
await writeFile(target, `${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
await database.close();
