import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { count } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { addDays, dateIn } from "../../shared/domain/calendar.ts";
import { openDatabase } from "../db/client.ts";
import { mailboxMessages } from "../db/schema/index.ts";
import { createAccount, createCatalogue, createPartner } from "../test/factories.ts";
import { migratedDataFolder, onPostgres } from "../test/harness.ts";

const run = promisify(execFile);
const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

// Real processes on a data folder of their own, each opening PGlite: slower than an inject.
describe.skipIf(onPostgres)("npm run sweep", { timeout: 120_000 }, () => {
  it("sweeps once, delivers to the mailbox, says what it did and exits; a second run finds nothing to do", async () => {
    const dataDir = await migratedDataFolder("sweep");
    folders.push(dataDir);
    const setup = await openDatabase({ kind: "pglite", dataDir });
    try {
      const catalogue = await createCatalogue(setup.db);
      const partner = await createPartner(setup.db);
      // The command runs on real time.
      const today = dateIn("UTC", new Date());
      await createAccount(setup.db, partner.id, catalogue, { endsOn: addDays(today, 7) });
    } finally {
      await setup.close();
    }
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "silent" };
    const first = await run(process.execPath, [cli], { env });
    expect(first.stdout).toContain(
      "Reminders sent: 1 (1 e-mail queued). Delivered to the in-app mailbox: 1; to retry: 0; failed: 0.",
    );
    const second = await run(process.execPath, [cli], { env });
    expect(second.stdout).toContain("Reminders sent: 0 (0 e-mails queued).");

    const after = await openDatabase({ kind: "pglite", dataDir });
    try {
      const [delivered] = await after.db.select({ value: count() }).from(mailboxMessages);
      expect(delivered?.value).toBe(1);
    } finally {
      await after.close();
    }
  });
});
