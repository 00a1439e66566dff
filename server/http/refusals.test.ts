/**
 * What a client that sends garbage gets back: a clean 4xx problem+json naming the field, never a
 * 500 — hostile text in every free-text input, fields the API does not know, values the database
 * refuses, and the refusals Fastify and Node give themselves (bad URLs, bodies, methods, headers).
 * Longer than most files on purpose: one table of every free-text input of the API.
 */
import { randomUUID } from "node:crypto";
import { connect } from "node:net";
import { Writable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import Fastify, { type InjectOptions, type LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../shared/errors.ts";
import { apiKeys } from "../db/schema/index.ts";
import {
  type Catalogue,
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
  newAccountRequest,
} from "../test/factories.ts";
import { anonymous, type Session, signIn, startTestApp, type TestApp } from "../test/harness.ts";
import { registerProblemHandler } from "./problem-handler.ts";

let t: TestApp;
let catalogue: Catalogue;
let superAdmin: Session;
let customerSuccess: Session;
let accountId: string;

beforeAll(async () => {
  t = await startTestApp();
  catalogue = await createCatalogue(t.db);
  const partner = await createPartner(t.db);
  accountId = (await createAccount(t.db, partner.id, catalogue)).id;
  superAdmin = await signIn(t.app, partner.superAdmin.email);
  customerSuccess = await signIn(t.app, (await createCustomerSuccess(t.db)).email);
});
afterAll(() => t.close());

const NUL = "\u0000";
const RIGHT_TO_LEFT_OVERRIDE = "\u202E";

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const problem = response.json();
  expect(problem).toMatchObject({ status, code });
  expect(ERROR_CODES).toContain(problem.code);
  return problem as { errors?: { field: string; message: string }[]; detail: string };
}

/** Every free-text input of the API: who may send it, and the request with `value` in the field. */
interface TextInput {
  field: string;
  kind: "line" | "name" | "multiline";
  /** Query strings are UTF-8 on the wire, where half a character cannot even be written. */
  inQuery?: boolean;
  send(value: string): Promise<LightMyRequestResponse>;
}

const query = (session: () => Session, url: string, field: string, kind: TextInput["kind"]) => ({
  field,
  kind,
  inQuery: true,
  send: (value: string) =>
    session().request({ method: "GET", url: `${url}?${field}=${encodeURIComponent(value)}` }),
});

/** Bodies go as JSON text of their own, so that a lone surrogate stays one (`"\ud800"`). */
const body =
  (session: () => Session, method: InjectOptions["method"], url: () => string) =>
  (payload: unknown) =>
    session().request({
      method,
      url: url(),
      headers: { "content-type": "application/json" },
      payload: JSON.stringify(payload),
    });

const datapoint = { externalId: "m-1", name: "Meter", deviceName: "Gateway", kind: "meter" };
const datapointsUrl = () => `/api/v1/usage/accounts/${accountId}/datapoints`;
const registerDatapoint = body(() => superAdmin, "POST", datapointsUrl);
const releaseDatapoints = body(
  () => superAdmin,
  "POST",
  () => `${datapointsUrl()}/release`,
);
const fileApplication = body(
  () => superAdmin,
  "POST",
  () => "/api/v1/account-management/applications",
);
const newAccount = (fields: Record<string, string>) =>
  fileApplication({
    kind: "new_account",
    payload: { ...newAccountRequest(catalogue), ...fields },
  });
const decide = (decision: "approve" | "reject") =>
  body(
    () => customerSuccess,
    "POST",
    () => `/api/v1/review/applications/${randomUUID()}/${decision}`,
  );

const TEXT_INPUTS: TextInput[] = [
  query(() => superAdmin, "/api/v1/accounts", "q", "line"),
  query(() => superAdmin, "/api/v1/account-management/accounts", "q", "line"),
  query(() => customerSuccess, "/api/v1/mailbox", "q", "line"),
  query(() => superAdmin, `/api/v1/usage/accounts/${randomUUID()}/datapoints`, "device", "name"),
  ...(["externalId", "name", "deviceName"] as const).map((field) => ({
    field: `datapoints.0.${field}`,
    kind: field === "externalId" ? ("line" as const) : ("name" as const),
    send: (value: string) => registerDatapoint({ datapoints: [{ ...datapoint, [field]: value }] }),
  })),
  {
    field: "externalIds.0",
    kind: "line",
    send: (value) => releaseDatapoints({ externalIds: [value] }),
  },
  {
    field: "name",
    kind: "name",
    send: (value) =>
      body(
        () => superAdmin,
        "POST",
        () => "/api/v1/api-keys",
      )({ name: value }),
  },
  ...(["name", "customerName", "emailDomain", "sectorCode", "comment"] as const).map((field) => ({
    field: `payload.${field}`,
    kind:
      field === "name" || field === "customerName"
        ? ("name" as const)
        : field === "comment"
          ? ("multiline" as const)
          : ("line" as const),
    send: (value: string) => newAccount({ [field]: value }),
  })),
  {
    field: "comment",
    kind: "multiline",
    send: (value) =>
      fileApplication({
        kind: "buy_sms_credits",
        accountId,
        payload: { credits: 10 },
        comment: value,
      }),
  },
  { field: "comment", kind: "multiline", send: (value) => decide("approve")({ comment: value }) },
  { field: "comment", kind: "multiline", send: (value) => decide("reject")({ comment: value }) },
  {
    field: "email",
    kind: "line",
    send: (value) =>
      body(
        () => superAdmin,
        "PUT",
        () => `/api/v1/account-management/accounts/${accountId}/billing-contact`,
      )({ email: `billing${value}@customer.example` }),
  },
];

/** The request is refused for `field`, with the message the web app's form would show too. */
async function expectFieldRefused(input: TextInput, value: string, message: RegExp) {
  const problem = expectProblem(await input.send(value), 400, "VALIDATION_FAILED");
  expect(problem.errors, `${input.field} of ${JSON.stringify(value)}`).toContainEqual({
    field: input.field,
    message: expect.stringMatching(message),
  });
}

describe("text in, clean 4xx out", () => {
  it("refuses a NUL in every search, name, id, comment and address with a field error, never a 500", async () => {
    for (const input of TEXT_INPUTS) {
      await expectFieldRefused(input, `a${NUL}b`, /control character/);
    }
  });

  it("refuses other control characters, and line breaks outside comments", async () => {
    for (const input of TEXT_INPUTS) {
      await expectFieldRefused(input, "a\u001Bb", /control character/);
      if (input.kind !== "multiline") await expectFieldRefused(input, "a\nb", /line break/);
    }
  });

  it("refuses half of a character (a lone surrogate) in every text field of a body", async () => {
    for (const input of TEXT_INPUTS.filter((i) => !i.inQuery)) {
      await expectFieldRefused(input, "a\uD800b", /broken character/);
    }
  });

  it("refuses the characters that turn the text around in account, customer, device and key names, not in comments", async () => {
    const names = TEXT_INPUTS.filter((input) => input.kind === "name");
    expect(names.map((input) => input.field)).toEqual([
      "device",
      "datapoints.0.name",
      "datapoints.0.deviceName",
      "name",
      "payload.name",
      "payload.customerName",
    ]);
    for (const input of names) {
      await expectFieldRefused(input, `Invoice${RIGHT_TO_LEFT_OVERRIDE}fdp.exe`, /direction/);
      await expectFieldRefused(input, "Acme\u2066Corp\u2069", /direction/);
    }
    const quoted = await fileApplication({
      kind: "buy_sms_credits",
      accountId,
      payload: { credits: 10 },
      comment: `The customer wrote "${RIGHT_TO_LEFT_OVERRIDE}olleh"\nover two lines`,
    });
    expect(quoted.statusCode, quoted.body).toBe(201);
  });

  it("refuses a NUL in the e-mail one signs in with, as a field error", async () => {
    const response = await body(
      () => anonymous(t.app),
      "POST",
      () => "/api/auth/sign-in/email",
    )({ email: `a${NUL}@partner.test`, password: "correct horse battery" });
    expect(expectProblem(response, 400, "VALIDATION_FAILED").errors).toEqual([
      { field: "email", message: "Remove the line break or invisible control character" },
    ]);
  });

  it("keeps names in any script, with emoji", async () => {
    const created = await body(
      () => superAdmin,
      "POST",
      () => "/api/v1/api-keys",
    )({
      name: "東京 ⚡️ Müller & Söhne",
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().key.name).toBe("東京 ⚡️ Müller & Söhne");
  });

  it("turns a value the database refuses into a 400, and logs neither the SQL nor its values", async () => {
    const lines: { level: number; msg: string }[] = [];
    const app = Fastify({
      logger: {
        level: "info",
        stream: new Writable({
          write(chunk, _encoding, done) {
            lines.push(JSON.parse(String(chunk)));
            done();
          },
        }),
      },
    });
    registerProblemHandler(app);
    app.get("/nul", async () => t.db.execute(sql`select ${`secret${NUL}`}::text as value`));
    app.get("/too-big", async () => t.db.execute(sql`select ${"99999999999"}::int as value`));
    app.get("/not-an-id", async () => t.db.execute(sql`select ${"secret-id"}::uuid as value`));
    for (const url of ["/nul", "/too-big", "/not-an-id"]) {
      const problem = expectProblem(await app.inject({ method: "GET", url }), 400, "BAD_REQUEST");
      expect(problem.detail).toMatch(/cannot be stored or compared/);
    }
    await app.close();
    const logged = JSON.stringify(lines);
    expect(logged).not.toMatch(/secret|select|99999999999/);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    expect(lines.filter((line) => line.msg === "database refused a value of the request")).toEqual([
      expect.objectContaining({ sqlState: expect.stringMatching(/^22/) }),
      expect.objectContaining({ sqlState: "22003" }),
      expect.objectContaining({ sqlState: "22P02" }),
    ]);
  });
});

describe("fields the API does not know", () => {
  it("refuses a misspelt accountId by its name, and creates no partner-wide key", async () => {
    const name = `Typo ${randomUUID()}`;
    const response = await superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name, account_id: accountId },
    });
    const problem = expectProblem(response, 400, "VALIDATION_FAILED");
    expect(problem.detail).toBe("The body has 1 invalid field.");
    expect(problem.errors).toEqual([
      {
        field: "account_id",
        message: 'Unknown field "account_id": remove it or check its spelling',
      },
    ]);
    expect(await t.db.select().from(apiKeys).where(eq(apiKeys.name, name))).toEqual([]);
  });

  it("says in which part of the request the invalid fields are, and how many", async () => {
    const query = await superAdmin.request({
      method: "GET",
      url: "/api/v1/account-management/accounts?zone=bogus&pageSize=0",
    });
    expect(expectProblem(query, 400, "VALIDATION_FAILED").detail).toBe(
      "The query string has 2 invalid fields.",
    );
    const twice = await superAdmin.request({
      method: "GET",
      url: "/api/v1/account-management/accounts?pageSize=99999999999999999999",
    });
    expect(expectProblem(twice, 400, "VALIDATION_FAILED")).toMatchObject({
      detail: "The query string has 1 invalid field.",
      errors: [{ field: "pageSize", message: expect.stringContaining("<=100") }],
    });
    const address = await superAdmin.request({ method: "GET", url: "/api/v1/accounts/not-an-id" });
    expect(expectProblem(address, 400, "VALIDATION_FAILED").detail).toBe(
      "The address has 1 invalid field.",
    );
  });

  it("refuses them in every kind of application, in the filing and in its payload", async () => {
    const filings = [
      { kind: "new_account", payload: newAccountRequest(catalogue) },
      { kind: "edit_datapoints", accountId, payload: { change: 10 } },
      {
        kind: "move_datapoints",
        accountId,
        payload: { datapoints: 1, targetAccountId: accountId },
      },
      { kind: "edit_licence", accountId, payload: { licenceId: catalogue.otherLicenceId } },
      {
        kind: "upgrade_meters",
        accountId,
        payload: { billManagementTypeId: null, rtmMeters: 0, additionalPods: 0, rtcLines: 0 },
      },
      { kind: "buy_sms_credits", accountId, payload: { credits: 10 } },
      { kind: "renew_subscription", accountId, payload: {} },
    ];
    for (const filing of filings) {
      const outside = expectProblem(
        await fileApplication({ ...filing, urgent: true }),
        400,
        "VALIDATION_FAILED",
      );
      expect(outside.errors, filing.kind).toContainEqual({
        field: "urgent",
        message: expect.any(String),
      });
      const inside = expectProblem(
        await fileApplication({ ...filing, payload: { ...filing.payload, note: "x" } }),
        400,
        "VALIDATION_FAILED",
      );
      expect(inside.errors, filing.kind).toContainEqual({
        field: "payload.note",
        message: expect.any(String),
      });
    }
  });

  it("refuses them in the usage API's bodies and in decisions", async () => {
    const refusals = [
      [registerDatapoint({ datapoints: [{ ...datapoint, unit: "kWh" }] }), "datapoints.0.unit"],
      [registerDatapoint({ datapoints: [datapoint], dryRun: true }), "dryRun"],
      [releaseDatapoints({ externalIds: ["m-1"], all: true }), "all"],
      [decide("approve")({ comment: "", notify: false }), "notify"],
      [
        body(
          () => customerSuccess,
          "PUT",
          () => "/api/v1/review/auto-approval-rules/edit_datapoints",
        )({
          enabled: true,
          everyone: true,
        }),
        "everyone",
      ],
    ] as const;
    for (const [sent, field] of refusals) {
      const problem = expectProblem(await sent, 400, "VALIDATION_FAILED");
      const key = field.split(".").at(-1) ?? field;
      expect(problem.errors).toContainEqual({ field, message: expect.stringContaining(key) });
    }
  });
});

describe("Fastify's own refusals", () => {
  it("answer a malformed URL with a 400 problem", async () => {
    expectProblem(
      await superAdmin.request({ method: "GET", url: "/api/v1/accounts/%E0%A4%A" }),
      400,
      "BAD_REQUEST",
    );
  });

  it("answer a path parameter longer than any id with a 414 problem", async () => {
    expectProblem(
      await superAdmin.request({ method: "GET", url: `/api/v1/accounts/${"a".repeat(500)}` }),
      414,
      "URI_TOO_LONG",
    );
  });

  it("answer broken JSON, a body of another type and a body over 1 MiB with problems", async () => {
    const send = (payload: string, type: string) =>
      superAdmin.request({
        method: "POST",
        url: "/api/v1/api-keys",
        headers: { "content-type": type },
        payload,
      });
    expectProblem(await send('{"name":', "application/json"), 400, "BAD_REQUEST");
    expectProblem(
      await send("name=x", "application/x-www-form-urlencoded"),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    expectProblem(
      await send(JSON.stringify({ name: "x".repeat(1_100_000) }), "application/json"),
      413,
      "PAYLOAD_TOO_LARGE",
    );
  });

  it("answer a wrong method on a known path with 405 and the methods it takes", async () => {
    const wrong = await superAdmin.request({ method: "DELETE", url: "/api/v1/accounts" });
    expectProblem(wrong, 405, "METHOD_NOT_ALLOWED");
    expect(wrong.headers.allow).toBe("GET, HEAD");
    const revoke = await superAdmin.request({
      method: "GET",
      url: `/api/v1/api-keys/${randomUUID()}/revoke`,
    });
    expectProblem(revoke, 405, "METHOD_NOT_ALLOWED");
    expect(revoke.headers.allow).toBe("POST");
    const keys = await superAdmin.request({
      method: "PATCH",
      url: "/api/v1/api-keys?status=active",
    });
    expect(keys.headers.allow).toBe("GET, HEAD, POST");
  });

  it("still answer HEAD on a page that takes GET, and 404 where nothing is", async () => {
    const head = await superAdmin.request({ method: "HEAD", url: "/api/v1/accounts" });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe("");
    expectProblem(
      await superAdmin.request({ method: "DELETE", url: "/api/v1/nothing" }),
      404,
      "NOT_FOUND",
    );
  });

  it("answer headers too large and bytes that are no HTTP with problems, on a real socket", async () => {
    const address = await t.app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = new URL(address);
    const exchange = (request: string) =>
      new Promise<{ status: number; type: string; problem: { code: string; status: number } }>(
        (resolve, reject) => {
          const socket = connect(Number(port), "127.0.0.1", () => socket.write(request));
          let received = "";
          socket.on("data", (chunk) => {
            received += String(chunk);
          });
          socket.on("error", reject);
          socket.on("close", () => {
            const [head = "", body = ""] = received.split("\r\n\r\n");
            resolve({
              status: Number(head.split(" ")[1]),
              type: /content-type: ([^\r]+)/i.exec(head)?.[1] ?? "",
              problem: JSON.parse(body),
            });
          });
        },
      );
    const huge = await exchange(
      `GET /api/v1/accounts HTTP/1.1\r\nHost: localhost\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
    );
    expect(huge).toMatchObject({
      status: 431,
      type: expect.stringMatching(/^application\/problem\+json/),
      problem: { status: 431, code: "HEADERS_TOO_LARGE" },
    });
    const nonsense = await exchange("HELLO THERE\r\n\r\n");
    expect(nonsense).toMatchObject({ status: 400, problem: { status: 400, code: "BAD_REQUEST" } });
  });
});
