import { count } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { mailboxMessages } from "../db/schema/index.ts";
import { createAccount, createCatalogue, createPartner } from "../test/factories.ts";
import { startTestApp } from "../test/harness.ts";

describe("the schedule inside every instance", () => {
  it("sweeps and delivers on its own at the configured interval, and stops when the server closes", async () => {
    const t = await startTestApp({
      isolated: true,
      now: "2026-06-01T09:00:00Z",
      config: { SWEEP_INTERVAL_SECONDS: "0.05" },
    });
    try {
      const catalogue = await createCatalogue(t.db);
      const partner = await createPartner(t.db);
      await createAccount(t.db, partner.id, catalogue, { endsOn: "2026-06-08" });
      const delivered = async () =>
        (await t.db.select({ value: count() }).from(mailboxMessages))[0]?.value ?? 0;
      await vi.waitFor(async () => expect(await delivered()).toBe(1), { timeout: 10_000 });

      await t.app.close();
      await createAccount(t.db, partner.id, catalogue, { endsOn: "2026-06-02" });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await delivered()).toBe(1);
    } finally {
      await t.close();
    }
  });
});
