/**
 * HTTP conventions a generic client relies on: a 401 says how to authenticate, a 201 says where
 * the new thing is (and that address answers it), and every answer carries its request id.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCatalogue, createCustomerSuccess, createPartner } from "../test/factories.ts";
import { anonymous, type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";

let t: TestApp;
let superAdmin: Session;
let customerSuccess: Session;

beforeAll(async () => {
  t = await startTestApp();
  await createCatalogue(t.db);
  const partner = await createPartner(t.db);
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  customerSuccess = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
});
afterAll(() => t.close());

const signInChallenge = 'Cookie realm="wattfolio", form-action="/api/auth/sign-in/email"';

describe("WWW-Authenticate on 401", () => {
  it("offers an API key and a session where keys are taken", async () => {
    const response = await anonymous(t.app).request({
      method: "GET",
      url: "/api/v1/usage/accounts",
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers["www-authenticate"]).toEqual([
      'Bearer realm="wattfolio"',
      signInChallenge,
    ]);
  });

  it("says a key sent and refused is an invalid token", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/v1/usage/accounts",
      headers: { authorization: "Bearer wf_not-a-key" },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers["www-authenticate"]).toEqual([
      'Bearer realm="wattfolio", error="invalid_token"',
      signInChallenge,
    ]);
  });

  it("points people to signing in where only a session is taken, and after a wrong password", async () => {
    const accounts = await anonymous(t.app).request({ method: "GET", url: "/api/v1/accounts" });
    expect(accounts.statusCode).toBe(401);
    expect(accounts.headers["www-authenticate"]).toEqual([signInChallenge]);
    const wrong = await anonymous(t.app).request({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: "nobody@example.test", password: "not the password" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers["www-authenticate"]).toEqual([signInChallenge]);
  });

  it("is absent from answers that are not 401", async () => {
    const response = await superAdmin.request({ method: "GET", url: "/api/v1/me" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["www-authenticate"]).toBeUndefined();
  });
});

describe("Location on 201", () => {
  it("names the new API key, and reading it there answers the key without its secret", async () => {
    const created = await superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "Gateway" },
    });
    expect(created.statusCode).toBe(201);
    const { key, secret } = created.json();
    expect(created.headers.location).toBe(`/api/v1/api-keys/${key.id}`);
    const read = await superAdmin.request({ method: "GET", url: String(created.headers.location) });
    expect(read.json()).toEqual(key);
    expect(read.body).not.toContain(secret);
  });

  it("names the new partner, catalogue entry and invitation where they can be read", async () => {
    const created = [
      await customerSuccess.request({
        method: "POST",
        url: "/api/v1/partners",
        payload: {
          name: `Located ${Date.now()}`,
          country: "ES",
          timeZone: "Europe/Madrid",
          defaultLanguage: "es",
        },
      }),
      await customerSuccess.request({
        method: "POST",
        url: "/api/v1/catalogue/licences",
        payload: { name: `Located licence ${Date.now()}` },
      }),
      await customerSuccess.request({
        method: "POST",
        url: "/api/v1/staff/invitations",
        payload: { name: "New colleague", email: `colleague-${Date.now()}@example.test` },
      }),
    ];
    for (const response of created) {
      expect(response.statusCode, response.body).toBe(201);
      const read = await customerSuccess.request({
        method: "GET",
        url: String(response.headers.location),
      });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject(response.json());
    }
  });
});

describe("request id", () => {
  it("is on every answer, a refusal's too, and echoes a sane one the caller sent", async () => {
    const ok = await superAdmin.request({ method: "GET", url: "/api/v1/me" });
    const refused = await anonymous(t.app).request({ method: "GET", url: "/api/v1/accounts" });
    const missing = await anonymous(t.app).request({ method: "GET", url: "/api/v1/nowhere" });
    for (const response of [ok, refused, missing]) {
      expect(response.headers["x-request-id"]).toMatch(/^[\w-]{8,}$/);
    }
    const echoed = await superAdmin.request({
      method: "GET",
      url: "/api/v1/me",
      headers: { "x-request-id": "trace-123" },
    });
    expect(echoed.headers["x-request-id"]).toBe("trace-123");
  });
});
