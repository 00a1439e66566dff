import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { seedDemo } from "../demo/seed.ts";
import { createNotices } from "../notices/notices.ts";
import { migratedDataFolder, onPostgres, PUBLIC_URL, startTestApp } from "../test/harness.ts";
import { DataFolderInUseError, openDatabase } from "./client.ts";
import { accounts, applications, partners, users } from "./schema/index.ts";

const folders: string[] = [];
const notices = createNotices(PUBLIC_URL);
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe.skipIf(onPostgres)("the embedded database folder", () => {
  it("refuses a second process on the same data folder with a clear message", async () => {
    const dataDir = await migratedDataFolder("lock");
    folders.push(dataDir);
    const first = await openDatabase({ kind: "pglite", dataDir });
    try {
      const second = openDatabase({ kind: "pglite", dataDir });
      await expect(second).rejects.toBeInstanceOf(DataFolderInUseError);
      await expect(second).rejects.toThrow(/already in use by another Wattfolio process/);
    } finally {
      await first.close();
    }
  });

  it("takes over at once the data folder of a process that was killed", async () => {
    const dataDir = await migratedDataFolder("killed");
    folders.push(dataDir);
    const client = new URL("./client.ts", import.meta.url).pathname;
    const holder = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const { openDatabase } = await import(${JSON.stringify(client)});
         await openDatabase({ kind: "pglite", dataDir: ${JSON.stringify(dataDir)} });
         console.log("open");
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve, reject) => {
      holder.stdout?.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("open")) resolve();
      });
      holder.once("exit", () => reject(new Error("the first process ended before opening")));
    });
    holder.kill("SIGKILL");
    await once(holder, "exit");

    const reopened = await openDatabase({ kind: "pglite", dataDir });
    await reopened.close();
  }, 120_000);

  it("keeps the data across restarts, seeds the demo only once, and migrates on every start", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "wattfolio-restart-"));
    folders.push(dataDir);
    const first = await openDatabase({ kind: "pglite", dataDir });
    expect(
      await seedDemo(first.db, {
        now: new Date("2026-11-24T12:00:00Z"),
        notices,
        publicUrl: PUBLIC_URL,
      }),
    ).toBe(true);
    await first.close();

    const again = await openDatabase({ kind: "pglite", dataDir });
    try {
      expect(
        await seedDemo(again.db, {
          now: new Date("2026-11-25T12:00:00Z"),
          notices,
          publicUrl: PUBLIC_URL,
        }),
      ).toBe(false);
      const [partnerCount] = await again.db.select({ value: count() }).from(partners);
      const [accountCount] = await again.db.select({ value: count() }).from(accounts);
      const [userCount] = await again.db.select({ value: count() }).from(users);
      const [pending] = await again.db.select({ value: count() }).from(applications);
      expect(partnerCount?.value).toBe(2);
      expect(accountCount?.value).toBe(60);
      expect(userCount?.value).toBe(5);
      expect(pending?.value).toBeGreaterThan(0);
    } finally {
      await again.close();
    }
  });
});

describe("the application's database role", () => {
  it("cannot change, remove or truncate the account history, which only the owner could", async () => {
    const t = await startTestApp({ isolated: true });
    try {
      const [role] = (
        (await t.db.execute(sql`select current_user as name`)) as unknown as {
          rows: { name: string }[];
        }
      ).rows;
      expect(role?.name).toBe("wattfolio_app");
      for (const statement of [
        sql`truncate account_history`,
        sql`update account_history set comment = 'rewritten'`,
        sql`delete from account_history`,
      ]) {
        const refusal = await t.db.execute(statement).then(
          () => undefined,
          (error: { cause?: { message?: string } }) => error.cause?.message,
        );
        expect(refusal).toMatch(/permission denied/);
      }
      await expect(t.db.execute(sql`select count(*) from account_history`)).resolves.toBeDefined();
    } finally {
      await t.close();
    }
  });
});

describe("the health checks", () => {
  it("answers ok while the database answers", async () => {
    const t = await startTestApp();
    try {
      const response = await t.app.inject({ method: "GET", url: "/healthz" });
      expect(response.json()).toEqual({ status: "ok" });
    } finally {
      await t.close();
    }
  });

  it("says ready once the database has every migration, and not ready when one is missing", async () => {
    const t = await startTestApp({ isolated: true });
    try {
      const ready = await t.app.inject({ method: "GET", url: "/readyz" });
      expect([ready.statusCode, ready.json()]).toEqual([200, { status: "ready" }]);

      // As the tables' owner: the application's own role may only read the migrations.
      await t.db.transaction(async (tx) => {
        await tx.execute(sql`set local role none`);
        await tx.execute(
          sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`,
        );
      });
      const behind = await t.app.inject({ method: "GET", url: "/readyz" });
      expect([behind.statusCode, behind.json()]).toEqual([503, { status: "unavailable" }]);
      expect(behind.headers["retry-after"]).toBe("5");
    } finally {
      await t.close();
    }
  });
});

describe("the API description", () => {
  it("is served as OpenAPI with a reference page", async () => {
    const t = await startTestApp();
    try {
      const document = await t.app.inject({ method: "GET", url: "/api/docs/openapi.json" });
      expect(document.json().paths).toHaveProperty(["/api/v1/account-management/applications"]);
      const page = await t.app.inject({ method: "GET", url: "/api/docs/" });
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-type"]).toMatch(/text\/html/);
    } finally {
      await t.close();
    }
  });
});
