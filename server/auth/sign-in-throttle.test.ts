import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/client.ts";
import { securityEvents, signInFailures } from "../db/schema/index.ts";
import { createPartner, type PartnerFixture } from "../test/factories.ts";
import { PUBLIC_URL, startTestApp, TEST_PASSWORD, type TestApp } from "../test/harness.ts";
import { forgetOldSignInFailures } from "./sign-in-throttle.ts";

/**
 * Two instances on one database, each with its own memory and clock: whatever one learns about a
 * password being guessed, the other must know too. On PostgreSQL the second instance has its own
 * connection pool, as a second server would.
 */
let first: TestApp;
let second: TestApp;
let closeSecondDatabase = async () => {};
let partner: PartnerFixture;

const START = "2026-03-15T10:00:00Z";
/** The shipped limits, not the harness's generous one: an empty value means "the default". */
const shipped = { LOGIN_ATTEMPTS_PER_MINUTE: "" };

beforeAll(async () => {
  first = await startTestApp({ isolated: true, now: START, config: shipped });
  if (first.databaseUrl) {
    const database = await openDatabase({ kind: "postgres", url: first.databaseUrl, poolSize: 5 });
    closeSecondDatabase = database.close;
    second = await startTestApp({ db: database.db, now: START, config: shipped });
  } else {
    second = await startTestApp({ db: first.db, now: START, config: shipped });
  }
  partner = await createPartner(first.db);
});
afterAll(async () => {
  await second.close();
  await closeSecondDatabase();
  await first.close();
});

/** Time passes for both instances alike. */
const wait = (seconds: number) => {
  first.clock.advance(seconds * 1000);
  second.clock.advance(seconds * 1000);
};

function attempt(
  app: FastifyInstance,
  email: string,
  password: string,
  options: { remoteAddress?: string; headers?: Record<string, string> } = {},
) {
  return app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: { origin: PUBLIC_URL, ...options.headers },
    payload: { email, password },
    remoteAddress: options.remoteAddress ?? "10.20.0.1",
  });
}

/** A fresh user to guess at, so that tests do not share an account's failures. */
async function victim(): Promise<string> {
  return (await createPartner(first.db)).accountUser.email;
}

describe("guessing one account's password", () => {
  it("is refused after five failures, from any instance and any address, with a delay that grows", async () => {
    const email = await victim();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const app = i % 2 === 0 ? first.app : second.app;
      const response = await attempt(app, email, `wrong password ${i}`, {
        remoteAddress: `10.30.0.${i + 1}`,
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);

    // Even the right password, from a sixth address on the other instance, must wait now.
    const refused = await attempt(second.app, email, TEST_PASSWORD, { remoteAddress: "10.30.0.6" });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    expect(refused.headers["retry-after"]).toBe("2");

    // Once the delay has passed one more guess is heard; its failure doubles the delay.
    wait(2);
    expect(
      (await attempt(first.app, email, "wrong again", { remoteAddress: "10.30.0.7" })).statusCode,
    ).toBe(401);
    const longer = await attempt(second.app, email, TEST_PASSWORD, { remoteAddress: "10.30.0.8" });
    expect(longer.statusCode).toBe(429);
    expect(longer.headers["retry-after"]).toBe("4");

    wait(4);
    expect(
      (await attempt(first.app, email, TEST_PASSWORD, { remoteAddress: "10.30.0.9" })).statusCode,
    ).toBe(200);
  });

  it("shows the throttled attempts in the security log, as failed sign-ins", async () => {
    const email = await victim();
    for (let i = 0; i < 5; i++) {
      await attempt(first.app, email, `wrong ${i}`, { remoteAddress: `10.31.0.${i + 1}` });
    }
    const refused = await attempt(second.app, email, "one more guess", {
      remoteAddress: "10.31.0.6",
    });
    expect(refused.statusCode).toBe(429);
    const failed = await first.db
      .select({ detail: securityEvents.detail, address: securityEvents.address })
      .from(securityEvents)
      .where(and(eq(securityEvents.kind, "sign_in_failed"), eq(securityEvents.subject, email)));
    expect(failed).toHaveLength(6);
    expect(failed).toContainEqual({ detail: { reason: "throttled" }, address: "10.31.0.6" });
  });

  it("starts over after a successful sign-in", async () => {
    const email = await victim();
    for (let i = 0; i < 4; i++) {
      expect((await attempt(first.app, email, "mistyped password")).statusCode).toBe(401);
    }
    expect((await attempt(second.app, email, TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) {
      expect((await attempt(second.app, email, "mistyped password")).statusCode).toBe(401);
    }
    expect((await attempt(first.app, email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("lets no more than five guesses through when they arrive all at once", async () => {
    const email = await victim();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attempt(i % 2 === 0 ? first.app : second.app, email, `parallel guess ${i}`, {
          remoteAddress: `10.40.0.${i + 1}`,
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });
});

describe("one address guessing", () => {
  it("is slowed down after thirty failures, whichever accounts it tries", async () => {
    const address = "10.50.0.1";
    for (let i = 0; i < 30; i++) {
      const response = await attempt(
        i % 2 === 0 ? first.app : second.app,
        `nobody-${i}@partner.test`,
        "guess",
        {
          remoteAddress: address,
        },
      );
      expect(response.statusCode).toBe(401);
    }
    const refused = await attempt(first.app, partner.superAdmin.email, TEST_PASSWORD, {
      remoteAddress: address,
    });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe("2");
    // Another address is not held back.
    const other = await attempt(first.app, partner.superAdmin.email, TEST_PASSWORD, {
      remoteAddress: "10.50.0.2",
    });
    expect(other.statusCode).toBe(200);
  });
});

describe("an office behind one address", () => {
  it("signs in twenty times a minute, with a few typos, and is never refused", async () => {
    const office = await createPartner(first.db);
    const people = [office.superAdmin.email, office.accountUser.email, partner.accountUser.email];
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const app = i % 2 === 0 ? first.app : second.app;
      const email = people[i % people.length] ?? "";
      if (i % 5 === 0)
        statuses.push(
          (await attempt(app, email, "typo typo typo", { remoteAddress: "10.60.0.1" })).statusCode,
        );
      statuses.push(
        (await attempt(app, email, TEST_PASSWORD, { remoteAddress: "10.60.0.1" })).statusCode,
      );
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
  });
});

describe("failures quiet for an hour", () => {
  it("no longer count, and the schedule forgets them, however often it runs", async () => {
    const email = await victim();
    for (let i = 0; i < 5; i++) {
      expect(
        (await attempt(first.app, email, "old guess", { remoteAddress: "10.70.0.1" })).statusCode,
      ).toBe(401);
    }
    expect(
      (await attempt(first.app, email, "old guess", { remoteAddress: "10.70.0.1" })).statusCode,
    ).toBe(429);

    wait(61 * 60);
    const rowsOf = () =>
      first.db
        .select()
        .from(signInFailures)
        .where(and(eq(signInFailures.kind, "account"), eq(signInFailures.subject, email)));
    expect(await rowsOf()).toHaveLength(1);
    await forgetOldSignInFailures(first.db, first.clock.now(), 1_000);
    await forgetOldSignInFailures(first.db, first.clock.now(), 1_000);
    expect(await rowsOf()).toHaveLength(0);
    for (let i = 0; i < 5; i++) {
      expect(
        (await attempt(second.app, email, "new guess", { remoteAddress: "10.70.0.1" })).statusCode,
      ).toBe(401);
    }
    expect(
      (await attempt(second.app, email, TEST_PASSWORD, { remoteAddress: "10.70.0.1" })).statusCode,
    ).toBe(429);
  });
});
