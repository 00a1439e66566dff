import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserSession } from "../../shared/api/profile.ts";
import type { SecurityEventKind } from "../../shared/domain/security-log.ts";
import { securityEvents, sessions } from "../db/schema/index.ts";
import { createCustomerSuccess, createPartner, type PartnerFixture } from "../test/factories.ts";
import { signIn, startTestApp, TEST_PASSWORD, type TestApp } from "../test/harness.ts";
import { describeClient } from "./sessions.ts";

let t: TestApp;
let partner: PartnerFixture;

beforeAll(async () => {
  t = await startTestApp();
  partner = await createPartner(t.db);
});
afterAll(() => t.close());

const FIREFOX_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

/** A browser at `remoteAddress` that signs in and keeps using its cookie from there. */
async function signInWith(email: string, userAgent: string, remoteAddress: string) {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: { origin: "http://localhost:3000", "user-agent": userAgent },
    payload: { email, password: TEST_PASSWORD },
    remoteAddress,
  });
  expect(response.statusCode).toBe(200);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return (options: { method: "GET" | "POST" | "PUT"; url: string; payload?: object }) =>
    t.app.inject({
      ...options,
      headers: { origin: "http://localhost:3000", cookie },
      remoteAddress,
    });
}

/** The last event of `kind` about `subject` (other test files write to the log too). */
async function lastEvent(kind: SecurityEventKind, subject: string) {
  const [event] = await t.db
    .select()
    .from(securityEvents)
    .where(and(eq(securityEvents.kind, kind), eq(securityEvents.subject, subject)))
    .orderBy(desc(securityEvents.id))
    .limit(1);
  return event;
}

describe("one's profile", () => {
  it("shows one's name, e-mail and language", async () => {
    const session = await signIn(t.app, partner.accountUser.email);
    const response = await session.request({ method: "GET", url: "/api/v1/me/profile" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ email: partner.accountUser.email, language: "en" });
  });

  it("changes name and language, and the log keeps what was before and after", async () => {
    const cs = await createCustomerSuccess(t.db);
    const session = await signIn(t.app, cs.email);
    const response = await session.request({
      method: "PUT",
      url: "/api/v1/me/profile",
      payload: { name: "  Lucía Gómez ", language: "es" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ name: "Lucía Gómez", email: cs.email, language: "es" });
    const me = await session.request({ method: "GET", url: "/api/v1/me" });
    expect(me.json().name).toBe("Lucía Gómez");
    expect(await lastEvent("profile_changed", cs.email)).toMatchObject({
      actorId: cs.id,
      partnerId: null,
      subject: cs.email,
      detail: {
        before: { name: "Customer Success", language: "en" },
        after: { name: "Lucía Gómez", language: "es" },
      },
    });
  });

  it("records nothing when saved unchanged", async () => {
    const session = await signIn(t.app, partner.superAdmin.email);
    const { name } = (await session.request({ method: "GET", url: "/api/v1/me/profile" })).json();
    const before = await lastEvent("profile_changed", partner.superAdmin.email);
    await session.request({
      method: "PUT",
      url: "/api/v1/me/profile",
      payload: { name, language: "en" },
    });
    expect((await lastEvent("profile_changed", partner.superAdmin.email))?.id).toBe(before?.id);
  });

  it("refuses an unknown language and an empty name", async () => {
    const session = await signIn(t.app, partner.superAdmin.email);
    const response = await session.request({
      method: "PUT",
      url: "/api/v1/me/profile",
      payload: { name: " ", language: "fr" },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["language", "name"]);
  });
});

describe("one's sessions", () => {
  it("lists where one is signed in, marks this one, and never shows a token", async () => {
    const other = await createPartner(t.db);
    await signInWith(other.accountUser.email, SAFARI_IPHONE, "10.2.2.2");
    const here = await signInWith(other.accountUser.email, FIREFOX_WINDOWS, "10.1.1.1");
    const response = await here({ method: "GET", url: "/api/v1/me/sessions" });
    expect(response.statusCode).toBe(200);
    const items: UserSession[] = response.json().items;
    expect(items.map((s) => [s.client, s.address, s.current])).toEqual([
      ["Safari on iOS", "10.2.2.2", false],
      ["Firefox on Windows", "10.1.1.1", true],
    ]);
    const tokens = await t.db
      .select({ token: sessions.token })
      .from(sessions)
      .where(eq(sessions.userId, other.accountUser.id));
    for (const { token } of tokens) expect(response.body).not.toContain(token);
  });

  it("signs out the other sessions, keeps this one, and logs how many ended", async () => {
    const other = await createPartner(t.db);
    const phone = await signInWith(other.superAdmin.email, SAFARI_IPHONE, "10.3.3.3");
    const tablet = await signInWith(other.superAdmin.email, SAFARI_IPHONE, "10.3.3.4");
    const here = await signInWith(other.superAdmin.email, FIREFOX_WINDOWS, "10.3.3.5");
    const response = await here({ method: "POST", url: "/api/v1/me/sessions/sign-out-others" });
    expect(response.json()).toEqual({ ended: 2 });
    expect((await phone({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(401);
    expect((await tablet({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(401);
    expect((await here({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);
    const listed = (await here({ method: "GET", url: "/api/v1/me/sessions" })).json().items;
    expect(listed).toHaveLength(1);
    expect(await lastEvent("sessions_ended", other.superAdmin.email)).toMatchObject({
      actorId: other.superAdmin.id,
      partnerId: other.id,
      detail: { ended: 2 },
    });
  });
});

describe("changing one's password", () => {
  it("is recorded in the security log with the address", async () => {
    const other = await createPartner(t.db);
    const here = await signInWith(other.accountUser.email, FIREFOX_WINDOWS, "10.5.5.5");
    const response = await here({
      method: "POST",
      url: "/api/auth/change-password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "a different password" },
    });
    expect(response.statusCode).toBe(200);
    expect(await lastEvent("password_changed", other.accountUser.email)).toMatchObject({
      actorId: other.accountUser.id,
      partnerId: other.id,
      address: "10.5.5.5",
    });
  });

  it("is not recorded when the current password is wrong", async () => {
    const other = await createPartner(t.db);
    // An address of its own: on PostgreSQL other test files' failed sign-ins from 127.0.0.1 count
    // against the address's limit too.
    const here = await signInWith(other.accountUser.email, FIREFOX_WINDOWS, "10.5.5.6");
    const response = await here({
      method: "POST",
      url: "/api/auth/change-password",
      payload: { currentPassword: "not my password", newPassword: "a different password" },
    });
    expect(response.statusCode).toBe(400);
    expect(await lastEvent("password_changed", other.accountUser.email)).toBeUndefined();
  });
});

describe("a client's description", () => {
  it("names browser and system, or says it is unknown", () => {
    expect(describeClient(FIREFOX_WINDOWS)).toBe("Firefox on Windows");
    expect(describeClient(SAFARI_IPHONE)).toBe("Safari on iOS");
    expect(describeClient(null)).toBe("Unknown client");
    expect(describeClient("curl/8.5.0")).toBe("curl/8.5.0");
  });
});
