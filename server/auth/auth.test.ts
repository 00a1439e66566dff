import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentials, sessions } from "../db/schema/index.ts";
import {
  createCatalogue,
  createPartner,
  newAccountRequest,
  type PartnerFixture,
} from "../test/factories.ts";
import { PUBLIC_URL, signIn, startTestApp, TEST_PASSWORD, type TestApp } from "../test/harness.ts";

let t: TestApp;
let partner: PartnerFixture;

beforeAll(async () => {
  t = await startTestApp();
  partner = await createPartner(t.db);
});
afterAll(() => t.close());

const signInRequest = (email: string, password: string, remoteAddress = "10.1.0.1") =>
  t.app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: { origin: PUBLIC_URL },
    payload: { email, password },
    remoteAddress,
  });

describe("signing in", () => {
  it("gives a SuperAdmin an HttpOnly, SameSite session cookie stored in the database", async () => {
    const response = await signInRequest(partner.superAdmin.email, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "wattfolio.session_token");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    const stored = await t.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, partner.superAdmin.id));
    expect(stored.length).toBeGreaterThan(0);
  });

  it("refuses a wrong password with a problem document", async () => {
    const response = await signInRequest(partner.superAdmin.email, "wrong password!");
    expect(response.statusCode).toBe(401);
    expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });

  it("keeps only a hash of the password", async () => {
    const [credential] = await t.db
      .select()
      .from(credentials)
      .where(eq(credentials.userId, partner.superAdmin.id));
    expect(credential?.password).toBeTruthy();
    expect(credential?.password).not.toContain(TEST_PASSWORD);
  });

  it("tells who is signed in, with their partner's country, and forgets it after signing out", async () => {
    const session = await signIn(t.app, partner.superAdmin.email);
    const me = await session.request({ method: "GET", url: "/api/v1/me" });
    expect(me.json()).toMatchObject({
      email: partner.superAdmin.email,
      role: "superadmin",
      // New accounts start in the partner's country.
      partner: { id: partner.id, country: "ES" },
    });

    const out = await session.request({ method: "POST", url: "/api/auth/sign-out", payload: {} });
    expect(out.statusCode).toBe(200);
    const after = await session.request({ method: "GET", url: "/api/v1/me" });
    expect(after.statusCode).toBe(401);
  });

  it("slows down repeated attempts from one address", async () => {
    const limited = await startTestApp({ config: { LOGIN_ATTEMPTS_PER_MINUTE: "3" }, db: t.db });
    try {
      const attempt = () =>
        limited.app.inject({
          method: "POST",
          url: "/api/auth/sign-in/email",
          headers: { origin: PUBLIC_URL },
          payload: { email: partner.accountUser.email, password: "guessing-password" },
          remoteAddress: "10.9.9.9",
        });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await attempt()).statusCode);
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses[4]).toBe(429);
      const refused = await attempt();
      expect(refused.json()).toMatchObject({ code: "RATE_LIMITED" });
      // Another address is not affected.
      const other = await limited.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { origin: PUBLIC_URL },
        payload: { email: partner.accountUser.email, password: TEST_PASSWORD },
        remoteAddress: "10.9.9.10",
      });
      expect(other.statusCode).toBe(200);
    } finally {
      await limited.app.close();
    }
  });
});

describe("signing in at every address this machine answers on", () => {
  it.each([
    "http://localhost:3000",
    "http://127.0.0.1:3000",
    "http://[::1]:3000",
    "https://wattfolio.example.com",
  ])("works from a page at %s, and so do its changes", async (origin) => {
    const behindProxy = await startTestApp({
      config: { PUBLIC_URL: "https://wattfolio.example.com" },
      db: t.db,
    });
    try {
      const signedIn = await behindProxy.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { origin, "sec-fetch-site": "same-origin" },
        payload: { email: partner.superAdmin.email, password: TEST_PASSWORD },
      });
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      const cookie = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      const out = await behindProxy.app.inject({
        method: "POST",
        url: "/api/auth/sign-out",
        headers: { origin, cookie, "sec-fetch-site": "same-origin" },
        payload: {},
      });
      expect(out.statusCode, out.body).toBe(200);
    } finally {
      await behindProxy.app.close();
    }
  });

  it.each(["http://evil.example", "http://localhost:3001", "http://127.0.0.2:3000"])(
    "refuses a signed-in change from a page at %s",
    async (origin) => {
      const session = await signIn(t.app, partner.superAdmin.email);
      const out = await session.request({
        method: "POST",
        url: "/api/auth/sign-out",
        headers: { origin },
        payload: {},
      });
      expect(out.statusCode).toBe(403);
      const me = await session.request({ method: "GET", url: "/api/v1/me" });
      expect(me.statusCode).toBe(200);
    },
  );
});

describe("cross-site protection", () => {
  it("refuses a sign-in posted from another site, which would sign the browser in as someone else", async () => {
    for (const headers of [
      { origin: "https://evil.example" },
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    ]) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers,
        payload: { email: partner.superAdmin.email, password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: "CROSS_SITE_REQUEST" });
      expect(response.cookies).toHaveLength(0);
    }
  });

  it("refuses a change carrying the session cookie from another site, and files nothing", async () => {
    const catalogue = await createCatalogue(t.db);
    const session = await signIn(t.app, partner.superAdmin.email);
    const body = { kind: "new_account", payload: newAccountRequest(catalogue) };
    const fromEvil = await session.request({
      method: "POST",
      url: "/api/v1/account-management/applications",
      headers: { origin: "https://evil.example" },
      payload: body,
    });
    expect(fromEvil.statusCode).toBe(403);
    expect(fromEvil.json()).toMatchObject({ code: "CROSS_SITE_REQUEST" });

    const crossSite = await session.request({
      method: "POST",
      url: "/api/v1/account-management/applications",
      headers: { "sec-fetch-site": "cross-site" },
      payload: body,
    });
    expect(crossSite.statusCode).toBe(403);

    const list = await session.request({
      method: "GET",
      url: "/api/v1/account-management/applications",
    });
    expect(list.json().total).toBe(0);
  });
});
