import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { sessions } from "../db/schema/index.ts";
import { createPartner, type PartnerFixture } from "../test/factories.ts";
import { PUBLIC_URL, startTestApp, TEST_PASSWORD, type TestApp } from "../test/harness.ts";

describe("TRUST_PROXY", () => {
  it.each(["true", "yes", "TRUE"])(
    "refuses %s at boot: it would believe any X-Forwarded-For",
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY.*how many proxies/s);
    },
  );

  it.each([
    [undefined, false],
    ["", false],
    ["false", false],
    ["0", false],
    ["no", false],
    ["1", 1],
    ["2", 2],
    ["10.0.0.7", ["10.0.0.7"]],
    ["10.0.0.0/8, 192.168.1.0/24 ,fd00::/8", ["10.0.0.0/8", "192.168.1.0/24", "fd00::/8"]],
    ["loopback,10.1.2.3", ["loopback", "10.1.2.3"]],
  ])("reads %j as %j", (value, trusted) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy).toEqual(
      trusted,
    );
  });

  it.each(["10.0.0.300", "10.0.0.0/33", "proxy.internal", "-1", "1.5", "*"])(
    "refuses %j at boot with a clear message",
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    },
  );
});

describe("the client address sign-in sees", () => {
  let partner: PartnerFixture;
  let base: TestApp;
  beforeAll(async () => {
    base = await startTestApp();
    partner = await createPartner(base.db);
  });
  afterAll(() => base.close());

  async function addressSeen(
    trustProxy: string,
    remoteAddress: string,
    forwardedFor: string,
  ): Promise<string | null> {
    const t = await startTestApp({ db: base.db, config: { TRUST_PROXY: trustProxy } });
    try {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { origin: PUBLIC_URL, "x-forwarded-for": forwardedFor },
        payload: { email: partner.superAdmin.email, password: TEST_PASSWORD },
        remoteAddress,
      });
      expect(response.statusCode).toBe(200);
      const [latest] = await base.db
        .select({ ipAddress: sessions.ipAddress })
        .from(sessions)
        .where(eq(sessions.userId, partner.superAdmin.id))
        .orderBy(desc(sessions.createdAt))
        .limit(1);
      return latest?.ipAddress ?? null;
    } finally {
      await t.app.close();
    }
  }

  it("is the connection's address when no proxy is trusted", async () => {
    expect(await addressSeen("false", "198.51.100.4", "203.0.113.9")).toBe("198.51.100.4");
  });

  it("is the address the one trusted proxy saw, not what the client wrote before it", async () => {
    expect(await addressSeen("1", "10.0.0.2", "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
  });

  it("is the forwarded address only when the request comes from a trusted proxy's address", async () => {
    expect(await addressSeen("10.0.0.0/8", "10.0.0.2", "203.0.113.9")).toBe("203.0.113.9");
    expect(await addressSeen("10.0.0.0/8", "198.51.100.4", "203.0.113.9")).toBe("198.51.100.4");
  });

  it("cannot be rotated by a client behind a trusted proxy to escape the address throttle", async () => {
    const t = await startTestApp({
      db: base.db,
      config: { TRUST_PROXY: "1", SIGN_IN_FAILURES_PER_ADDRESS: "3" },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await t.app.inject({
          method: "POST",
          url: "/api/auth/sign-in/email",
          // The client forges the first entry; the proxy appends the address it really saw.
          headers: { origin: PUBLIC_URL, "x-forwarded-for": `192.0.2.${i}, 203.0.113.50` },
          payload: { email: `someone-${i}@partner.test`, password: "guessing" },
          remoteAddress: "10.0.0.2",
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    } finally {
      await t.app.close();
    }
  });
});
