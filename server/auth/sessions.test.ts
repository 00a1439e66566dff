import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { partners, sessions, users } from "../db/schema/index.ts";
import { createPartner, type PartnerFixture } from "../test/factories.ts";
import { PUBLIC_URL, signIn, startTestApp, TEST_PASSWORD, type TestApp } from "../test/harness.ts";

let t: TestApp;
let partner: PartnerFixture;

beforeAll(async () => {
  t = await startTestApp();
  partner = await createPartner(t.db);
});
afterAll(() => t.close());

const HOUR = 60 * 60 * 1000;

/**
 * better-auth reads the wall clock (Date), not the app's clock: sessions live in real time, while
 * the test clock moves accounts' time. Only Date is faked here; timers and the database run on.
 */
function moveWallClock() {
  vi.useFakeTimers({ toFake: ["Date"] });
  const start = Date.now();
  return (hours: number) => vi.setSystemTime(start + hours * HOUR);
}
afterEach(() => {
  vi.useRealTimers();
});

/** The session token in a session cookie (`wattfolio.session_token=<token>.<signature>`). */
const tokenOf = (cookie: string) =>
  decodeURIComponent(cookie.match(/wattfolio\.session_token=([^;]+)/)?.[1] ?? "").split(".")[0];

const me = (cookie: string) =>
  t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } });

describe("a session", () => {
  it("ends when unused for longer than the idle timeout (12 hours)", async () => {
    const at = moveWallClock();
    const session = await signIn(t.app, partner.accountUser.email);
    at(11);
    expect((await me(session.cookie)).statusCode).toBe(200);
    at(11 + 11.9);
    expect((await me(session.cookie)).statusCode).toBe(200);
    at(11 + 11.9 + 12.1);
    expect((await me(session.cookie)).statusCode).toBe(401);
  });

  it("ends 7 days after signing in, even when used every few hours", async () => {
    const at = moveWallClock();
    const session = await signIn(t.app, partner.accountUser.email);
    for (let hours = 8; hours < 7 * 24; hours += 8) {
      at(hours);
      expect((await me(session.cookie)).statusCode, `after ${hours} hours`).toBe(200);
    }
    at(7 * 24 + 1);
    expect((await me(session.cookie)).statusCode).toBe(401);
    const left = await t.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, partner.accountUser.id));
    expect(left.map((s) => s.token)).not.toContain(tokenOf(session.cookie));
  });

  it("is moved forward by use at most every five minutes, and the browser gets its new cookie", async () => {
    const at = moveWallClock();
    const session = await signIn(t.app, partner.accountUser.email);
    const token = tokenOf(session.cookie) ?? "";
    const expiry = async () =>
      (await t.db.select().from(sessions).where(eq(sessions.token, token)))[0]?.expiresAt;
    const signedInExpiry = await expiry();
    at(4 / 60);
    const soon = await me(session.cookie);
    expect(soon.statusCode).toBe(200);
    expect(soon.headers["set-cookie"]).toBeUndefined();
    expect(await expiry()).toEqual(signedInExpiry);
    at(6 / 60);
    const later = await me(session.cookie);
    expect(later.statusCode).toBe(200);
    expect(String(later.headers["set-cookie"])).toMatch(/wattfolio\.session_token=.+Max-Age=43200/);
    expect((await expiry())?.getTime()).toBe(Date.now() + 12 * HOUR);
  });

  it("is refused when its cookie was not signed by this server", async () => {
    const session = await signIn(t.app, partner.accountUser.email);
    const token = tokenOf(session.cookie) ?? "";
    const other = tokenOf((await signIn(t.app, partner.superAdmin.email)).cookie);
    const signature =
      decodeURIComponent(session.cookie.match(/session_token=([^;]+)/)?.[1] ?? "").split(".")[1] ??
      "";
    const flipped = (signature.startsWith("A") ? "B" : "A") + signature.slice(1);
    const forged = (value: string) => `wattfolio.session_token=${encodeURIComponent(value)}`;
    expect((await me(session.cookie)).statusCode).toBe(200);
    expect((await me(forged(token))).statusCode).toBe(401);
    expect((await me(forged(`${token}.`))).statusCode).toBe(401);
    expect((await me(forged(`${other}.${signature}`))).statusCode).toBe(401);
    expect((await me(forged(`${token}.${flipped}`))).statusCode).toBe(401);
    expect((await me(forged(`${token}.${signature.replaceAll("+", "-")}x`))).statusCode).toBe(401);
  });

  it("created 90 days ago is refused although it was used yesterday", async () => {
    const session = await signIn(t.app, partner.superAdmin.email);
    const token = tokenOf(session.cookie) ?? "";
    const now = Date.now();
    await t.db
      .update(sessions)
      .set({ createdAt: new Date(now - 90 * 24 * HOUR), updatedAt: new Date(now - 24 * HOUR) })
      .where(eq(sessions.token, token));
    expect((await me(session.cookie)).statusCode).toBe(401);
    const [still] = await t.db.select().from(sessions).where(eq(sessions.token, token));
    expect(still).toBeUndefined();
  });
});

describe("changing one's password", () => {
  it("ends the user's other sessions and keeps the one that changed it", async () => {
    const { accountUser } = await createPartner(t.db);
    const laptop = await signIn(t.app, accountUser.email);
    const phone = await signIn(t.app, accountUser.email);
    const changed = await laptop.request({
      method: "POST",
      url: "/api/auth/change-password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" },
    });
    expect(changed.statusCode).toBe(200);
    const renewed = changed.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    expect((await me(renewed)).statusCode).toBe(200);
    expect((await me(phone.cookie)).statusCode).toBe(401);
    expect((await me(laptop.cookie)).statusCode).toBe(401);
    await expect(signIn(t.app, accountUser.email)).rejects.toThrow(/401/);
    await signIn(t.app, accountUser.email, "a brand new passphrase");
  });

  it("needs the current password, and a session", async () => {
    const session = await signIn(t.app, partner.accountUser.email);
    const wrong = await session.request({
      method: "POST",
      url: "/api/auth/change-password",
      payload: { currentPassword: "not my password", newPassword: "a brand new passphrase" },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers["content-type"]).toMatch(/application\/problem\+json/);
    const anonymous = await t.app.inject({
      method: "POST",
      url: "/api/auth/change-password",
      headers: { origin: PUBLIC_URL },
      payload: { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" },
    });
    expect(anonymous.statusCode).toBe(401);
    await signIn(t.app, partner.accountUser.email);
  });
});

describe("changing one's password with a session that outlived its closure", () => {
  const change = (session: Awaited<ReturnType<typeof signIn>>) =>
    session.request({
      method: "POST",
      url: "/api/auth/change-password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "a password set too late" },
    });

  it("is refused when the user was deactivated after the session began", async () => {
    const { accountUser } = await createPartner(t.db);
    const session = await signIn(t.app, accountUser.email);
    // As when the session was created just before the deactivation deleted the user's sessions.
    await t.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, accountUser.id));
    expect((await change(session)).statusCode).toBe(401);
    await t.db.update(users).set({ deactivatedAt: null }).where(eq(users.id, accountUser.id));
    await signIn(t.app, accountUser.email);
  });

  it("is refused when the user's partner was suspended after the session began", async () => {
    const other = await createPartner(t.db);
    const session = await signIn(t.app, other.accountUser.email);
    await t.db.update(partners).set({ suspendedAt: new Date() }).where(eq(partners.id, other.id));
    expect((await change(session)).statusCode).toBe(401);
    await t.db.update(partners).set({ suspendedAt: null }).where(eq(partners.id, other.id));
    await signIn(t.app, other.accountUser.email);
  });
});

describe("better-auth's endpoints the product does not use", () => {
  it.each([
    ["POST", "/api/auth/update-user", { name: "Customer Success\r\n" }],
    ["GET", "/api/auth/list-sessions", undefined],
    ["GET", "/api/auth/get-session", undefined],
    ["POST", "/api/auth/revoke-sessions", {}],
    [
      "POST",
      "/api/auth/sign-up/email",
      { email: "new@partner.test", password: TEST_PASSWORD, name: "x" },
    ],
    ["POST", "/api/auth/delete-user", {}],
    ["POST", "/api/auth/change-email", { newEmail: "other@partner.test" }],
    ["GET", "/api/auth/ok", undefined],
  ] as const)("answer %s %s with 404, even when signed in", async (method, url, payload) => {
    const session = await signIn(t.app, partner.superAdmin.email);
    const response = await session.request({ method, url, ...(payload ? { payload } : {}) });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("cannot rename a user", async () => {
    const session = await signIn(t.app, partner.superAdmin.email);
    await session.request({
      method: "POST",
      url: "/api/auth/update-user",
      payload: { name: "Customer Success" },
    });
    const [user] = await t.db.select().from(users).where(eq(users.id, partner.superAdmin.id));
    expect(user?.name).not.toBe("Customer Success");
  });
});
