/**
 * What every answer and every log line carries: no caching of tenant data, a request id to find
 * the request's log lines by, the partner once the caller is known, and no secret from a URL.
 */
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createCatalogue, createPartner } from "../test/factories.ts";
import { anonymous, type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { redactedUrl } from "./request-hygiene.ts";

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  partnerId?: string;
  req?: { url: string };
}

let t: TestApp;
let superAdmin: Session;
let partnerId: string;
let accountId: string;
const lines: LogLine[] = [];

beforeAll(async () => {
  t = await startTestApp({
    config: { LOG_LEVEL: "info" },
    logStream: new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  });
  const partner = await createPartner(t.db);
  partnerId = partner.id;
  accountId = (await createAccount(t.db, partner.id, await createCatalogue(t.db))).id;
  superAdmin = await signIn(t.app, partner.superAdmin.email);
});
afterAll(() => t.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("every API answer", () => {
  it("tells browsers and proxies not to store it, refusals included", async () => {
    const answers = [
      await superAdmin.request({ method: "GET", url: "/api/v1/accounts" }),
      await superAdmin.request({ method: "GET", url: `/api/v1/accounts/${accountId}` }),
      await anonymous(t.app).request({ method: "GET", url: "/api/v1/accounts" }),
      await superAdmin.request({ method: "GET", url: "/api/v1/nothing" }),
      await superAdmin.request({ method: "DELETE", url: "/api/v1/accounts" }),
      await superAdmin.request({ method: "POST", url: "/api/v1/api-keys", payload: { x: 1 } }),
      await superAdmin.request({ method: "GET", url: "/api/v1/accounts/%E0%A4%A" }),
      await superAdmin.request({ method: "GET", url: `/api/v1/accounts/${"a".repeat(500)}` }),
      await anonymous(t.app).request({
        method: "POST",
        url: "/api/auth/sign-in/email",
        payload: { email: "nobody@partner.test", password: "wrong password" },
      }),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([
      200, 200, 401, 404, 405, 400, 400, 414, 401,
    ]);
    for (const answer of answers) expect(answer.headers["cache-control"]).toBe("no-store");
  });

  it("carries a request id: the caller's own when it is a sane one, else a new one", async () => {
    const ask = (id?: string) =>
      superAdmin.request({
        method: "GET",
        url: "/api/v1/accounts",
        headers: id === undefined ? {} : { "x-request-id": id },
      });
    expect((await ask("lb-7f3a.19:trace=1")).headers["x-request-id"]).toBe("lb-7f3a.19:trace=1");
    for (const insane of [undefined, "", "a b", "x".repeat(200), 'quote"', "line\u2028break"]) {
      expect((await ask(insane)).headers["x-request-id"]).toMatch(UUID);
    }
    const first = (await ask()).headers["x-request-id"];
    expect((await ask()).headers["x-request-id"]).not.toBe(first);
    const page = await anonymous(t.app).request({ method: "GET", url: "/healthz" });
    expect(page.headers["x-request-id"]).toMatch(UUID);
    expect(page.headers["cache-control"]).toBeUndefined();
    const malformed = await anonymous(t.app).request({ method: "GET", url: "/api/v1/%E0%A4%A" });
    expect(malformed.headers["x-request-id"]).toMatch(UUID);
  });
});

describe("the request log", () => {
  it("puts the request id on every line of a request, and the partner once the caller is known", async () => {
    lines.length = 0;
    const requestId = "trace-partner-1";
    const response = await superAdmin.request({
      method: "GET",
      url: "/api/v1/accounts",
      headers: { "x-request-id": requestId },
    });
    expect(response.statusCode).toBe(200);
    const ofRequest = lines.filter((line) => line.reqId === requestId);
    expect(ofRequest.map((line) => line.msg)).toEqual(["incoming request", "request completed"]);
    expect(lines.filter((line) => line.reqId !== requestId)).toEqual([]);
    expect(ofRequest.at(-1)?.partnerId).toBe(partnerId);
  });

  it("puts the request id and the key's partner on every line of an API key's request", async () => {
    const created = await superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "Log integration" },
    });
    expect(created.statusCode).toBe(201);
    lines.length = 0;
    const requestId = "trace-key-1";
    const response = await t.app.inject({
      method: "GET",
      url: `/api/v1/usage/accounts/${accountId}`,
      headers: { authorization: `Bearer ${created.json().secret}`, "x-request-id": requestId },
    });
    expect(response.statusCode).toBe(200);
    const ofRequest = lines.filter((line) => line.reqId === requestId);
    expect(ofRequest.map((line) => line.msg)).toEqual(["incoming request", "request completed"]);
    expect(lines.filter((line) => line.reqId !== requestId)).toEqual([]);
    expect(ofRequest.at(-1)?.partnerId).toBe(partnerId);
  });

  it("never shows an API key sent in the query string", async () => {
    lines.length = 0;
    const secret = "wfk_AbCdEfGh1234567890abcdefghijklmnopqrstuvw";
    for (const url of [
      `/api/v1/usage/accounts/${accountId}?api_key=${secret}`,
      `/api/v1/usage/accounts/${accountId}?key=${secret}&page=2`,
      `/api/v1/usage/accounts/${accountId}?token=not-a-wattfolio-key`,
      `/api/v1/usage/accounts/${accountId}?Access_Token=not-a-wattfolio-key`,
      `/api/v1/usage/${secret}`,
    ]) {
      await anonymous(t.app).request({ method: "GET", url });
    }
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(secret.slice(4));
    expect(logged).not.toContain("not-a-wattfolio-key");
    expect(lines.filter((line) => line.msg === "incoming request")).toHaveLength(5);
  });
});

describe("the request log and the links sent by mail", () => {
  it("never shows an invitation link's token nor a password reset token", async () => {
    lines.length = 0;
    const token = "Zm9yLXRoZS1sb2ctb25seS1hLXRva2VuLXRoYXQtaXMtbG9uZw";
    const resetToken = "reset-token-for-the-log-only";
    await anonymous(t.app).request({ method: "GET", url: `/invitations/${token}` });
    await anonymous(t.app).request({ method: "GET", url: `/api/v1/invitations/${token}` });
    await anonymous(t.app).request({
      method: "POST",
      url: `/api/v1/invitations/${token}/accept`,
      payload: { password: "a long enough password" },
    });
    await anonymous(t.app).request({ method: "GET", url: `/api/v1/Invit%61tions/${token}` });
    await anonymous(t.app).request({ method: "GET", url: `/reset-password?token=${resetToken}` });
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(resetToken);
    expect(lines.filter((line) => line.msg === "incoming request")).toHaveLength(5);
    expect(lines.map((line) => line.req?.url).filter(Boolean)).toContain(
      "/api/v1/invitations/[REDACTED]/accept",
    );
  });
});

describe("a URL as it is logged", () => {
  it("keeps the path and the harmless parameters, and redacts the credentials", () => {
    expect(redactedUrl("/api/v1/accounts?q=Hotel&page=2")).toBe("/api/v1/accounts?q=Hotel&page=2");
    expect(redactedUrl("/api/v1/usage?api_key=s3cret&page=2")).toBe(
      "/api/v1/usage?api_key=[REDACTED]&page=2",
    );
    expect(redactedUrl("/x?apiKey=a&api-key=b&token=c&password=d&monkey=e")).toBe(
      "/x?apiKey=[REDACTED]&api-key=[REDACTED]&token=[REDACTED]&password=[REDACTED]&monkey=e",
    );
    expect(redactedUrl("/x?api%5Fkey=a")).toBe("/x?api%5Fkey=[REDACTED]");
    expect(redactedUrl("/x/wfk_abc-DEF_123?q=wfk_xyz")).toBe("/x/wfk_[REDACTED]?q=wfk_[REDACTED]");
    expect(redactedUrl("/x?%E0%A4%A=1")).toBe("/x?%E0%A4%A=1");
    expect(redactedUrl("/invitations/abc")).toBe("/invitations/[REDACTED]");
    expect(redactedUrl("/api/v1/invitations/abc/accept?x=1")).toBe(
      "/api/v1/invitations/[REDACTED]/accept?x=1",
    );
    expect(redactedUrl("/reset-password?token=abc")).toBe("/reset-password?token=[REDACTED]");
    expect(redactedUrl("/api/v1/invitations")).toBe("/api/v1/invitations");
    expect(redactedUrl("/api/v1/invitations/")).toBe("/api/v1/invitations/");
  });
});
