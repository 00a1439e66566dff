/**
 * The OpenAPI document against the server it describes: every route the app registers is an
 * operation with an operationId, a described tag, a summary and its refusals as problem+json; what
 * the server really answers (validation's 400, the request id, idempotent replays, a key's rate
 * limit headers) is what the document says; and a client generated from it with openapi-typescript
 * types every operation and every refusal (none `never`).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../shared/errors.ts";
import { REQUEST_ID_HEADER } from "../http/request-hygiene.ts";
import { createAccount, createCatalogue, createPartner } from "../test/factories.ts";
import { signIn, startTestApp } from "../test/harness.ts";

interface Schema {
  $ref?: string;
  oneOf?: Schema[];
  properties?: Record<string, Schema & { enum?: unknown[] }>;
}
interface Response {
  headers?: Record<string, { $ref?: string }>;
  content?: Record<string, { schema?: Schema }>;
}
interface Operation {
  operationId?: string;
  tags?: string[];
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string }[];
  responses: Record<string, Response>;
}
interface Document {
  openapi: string;
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; headers: Record<string, unknown> };
}

// The test clock's routes too: every route the app can register must be documented.
const t = await startTestApp({ config: { TEST_CLOCK: "1" } });
afterAll(() => t.close());
const document = t.app.swagger() as unknown as Document;

const METHODS = ["get", "put", "post", "delete", "patch"];
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
);
const operationOf = (method: string, path: string): Operation => {
  const found = document.paths[path]?.[method.toLowerCase()];
  if (!found) throw new Error(`${method} ${path} is not in the document`);
  return found;
};
const byId = (operationId: string): Operation => {
  const found = operations.find((o) => o.operation.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found.operation;
};

/** The routes the app registered, read from Fastify's route tree (`printRoutes`). */
function registeredRoutes(): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = [];
  const stack: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? "").length / 4;
    stack.length = depth;
    stack.push(match[2] ?? "");
    for (const method of (match[3] ?? "").split(", ").filter(Boolean)) {
      routes.push({ method, path: stack.join("") });
    }
  }
  return routes;
}

/** The problem schemas a response can carry, resolved. */
function problemSchemas(response: Response): Schema[] {
  const schema = response.content?.["application/problem+json"]?.schema;
  if (!schema) return [];
  const resolve = (s: Schema): Schema =>
    s.$ref ? (document.components.schemas[s.$ref.split("/").at(-1) ?? ""] ?? {}) : s;
  return (schema.oneOf ?? [schema]).map(resolve);
}

const codesAt = (operation: Operation, status: number): unknown[] =>
  problemSchemas(operation.responses[String(status)] ?? {}).flatMap(
    (schema) => schema.properties?.code?.enum ?? [],
  );

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with the installation's server, served at /api/docs/openapi.json", async () => {
    const served = await t.app.inject({ method: "GET", url: "/api/docs/openapi.json" });
    expect(served.statusCode).toBe(200);
    expect(served.json().paths).toEqual(JSON.parse(JSON.stringify(document.paths)));
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([expect.objectContaining({ url: "http://localhost:3000" })]);
  });

  it("has every route the app registered as an operation", () => {
    const routes = registeredRoutes().filter(
      ({ method, path }) =>
        method !== "HEAD" && method !== "OPTIONS" && !path.startsWith("/api/docs"),
    );
    expect(routes.length).toBeGreaterThan(70);
    const documented = new Set(operations.map(({ method, path }) => `${method} ${path}`));
    const missing = routes
      .map(({ method, path }) => `${method} ${path.replace(/:(\w+)/g, "{$1}")}`)
      .filter((route) => !documented.has(route));
    expect(missing, "routes hidden from the document or missing from it").toEqual([]);
  });

  it("names every operation with a unique camelCase operationId, a described tag and a summary", () => {
    const described = new Map((document.tags ?? []).map((tag) => [tag.name, tag.description]));
    const faults = operations.flatMap(({ method, path, operation }) => {
      const route = `${method} ${path}`;
      return [
        ...(/^[a-z]+(?:[A-Z][a-z0-9]*)+$|^[a-z]+$/.test(operation.operationId ?? "")
          ? []
          : [`${route}: no camelCase operationId in its schema (got ${operation.operationId})`]),
        ...(operation.tags?.length ? [] : [`${route}: no tag`]),
        ...(operation.tags ?? [])
          .filter((tag) => !described.get(tag))
          .map((tag) => `${route}: tag "${tag}" has no description in server/openapi/document.ts`),
        ...(operation.summary ? [] : [`${route}: no summary`]),
      ];
    });
    expect(faults).toEqual([]);
    const ids = operations.flatMap((o) => o.operation.operationId ?? []);
    expect(
      ids.filter((id, index) => ids.indexOf(id) !== index),
      "duplicate ids",
    ).toEqual([]);
  });

  it("documents every API operation's refusals as problem+json, the code enumerated", () => {
    const faults = operations.flatMap(({ method, path, operation }) => {
      if (!path.startsWith("/api/")) return [];
      const route = `${method} ${path}`;
      const errors = Object.entries(operation.responses).filter(
        ([status]) => Number(status) >= 400,
      );
      if (!errors.some(([status]) => status.startsWith("4"))) return [`${route}: no 4xx`];
      return errors.flatMap(([status, response]) => {
        const schemas = problemSchemas(response);
        if (schemas.length === 0) return [`${route} ${status}: not application/problem+json`];
        return schemas.flatMap((schema) => {
          const codes = schema.properties?.code?.enum ?? [];
          const statuses = schema.properties?.status?.enum ?? [];
          return codes.length > 0 &&
            codes.every((code) => (ERROR_CODES as readonly unknown[]).includes(code)) &&
            statuses.every((s) => String(s) === status)
            ? []
            : [`${route} ${status}: codes ${JSON.stringify(codes)} of status ${statuses}`];
        });
      });
    });
    expect(faults).toEqual([]);
  });

  it("has an example for every JSON request body, answer and refusal", () => {
    const missing = operations.flatMap(({ method, path, operation }) => {
      const route = `${method} ${path}`;
      const body = (operation as { requestBody?: Response }).requestBody;
      const json = [
        ...(body ? [["request", body] as const] : []),
        ...Object.entries(operation.responses),
      ].flatMap(([what, part]) => {
        const media = part.content?.["application/json"] as { example?: unknown } | undefined;
        return media && media.example === undefined ? [`${route} ${what}`] : [];
      });
      const refusals = Object.entries(operation.responses).flatMap(([status, response]) =>
        problemSchemas(response).some((schema) => !(schema as { examples?: [] }).examples?.length)
          ? [`${route} ${status}`]
          : [],
      );
      return [...json, ...refusals];
    });
    expect(missing).toEqual([]);
  });

  it("types the extension members of the codes that have them", () => {
    const conflict = problemSchemas(byId("registerDatapoints").responses["409"] ?? {});
    const quota = conflict.find((s) => s.properties?.code?.enum?.includes("QUOTA_EXCEEDED"));
    expect(Object.keys(quota?.properties ?? {})).toEqual(
      expect.arrayContaining(["datapointsLeft", "datapointsNeeded"]),
    );
    const sms = problemSchemas(byId("spendSmsCredits").responses["409"] ?? {});
    expect(sms.map((s) => s.properties?.code?.enum?.[0])).toEqual([
      "ACCOUNT_EXPIRED",
      "INSUFFICIENT_SMS_CREDITS",
    ]);
    expect(codesAt(byId("fileApplication"), 409)).toContain("APPLICATION_ALREADY_PENDING");
    expect(codesAt(byId("approveApplication"), 409)).toEqual([
      "APPLICATION_NOT_PENDING",
      "APPLICATION_NO_LONGER_VALID",
      "IDEMPOTENCY_KEY_IN_USE",
    ]);
  });

  it("documents signing in and signing out", () => {
    expect(operationOf("POST", "/api/auth/sign-in/email").operationId).toBe("signInWithEmail");
    expect(codesAt(operationOf("POST", "/api/auth/sign-in/email"), 401)).toEqual([
      "UNAUTHENTICATED",
    ]);
    expect(operationOf("POST", "/api/auth/sign-out").operationId).toBe("signOut");
  });
});

const catalogue = await createCatalogue(t.db);
const partner = await createPartner(t.db);
const account = await createAccount(t.db, partner.id, catalogue);
const superAdmin = await signIn(t.app, partner.superAdmin.email);

describe("what the server answers is what the document says", () => {
  const register = byId("registerDatapoints");
  const datapoints = `/api/v1/usage/accounts/${account.id}/datapoints`;
  const headerNames = (response: Response | undefined) =>
    Object.keys(response?.headers ?? {}).map((name) => name.toLowerCase());

  it("a body that fails validation: 400 VALIDATION_FAILED as problem+json, as documented", async () => {
    const answer = await superAdmin.request({
      method: "POST",
      url: datapoints,
      payload: { datapoints: [] },
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(answer.json().code).toBe("VALIDATION_FAILED");
    expect(codesAt(register, 400)).toContain("VALIDATION_FAILED");
    expect(codesAt(register, 422)).toEqual(["IDEMPOTENCY_KEY_REUSED"]);
  });

  it("the request id header on every answer, under the documented name", async () => {
    const answer = await superAdmin.request({
      method: "GET",
      url: "/api/v1/me",
      headers: { [REQUEST_ID_HEADER]: "trace-42" },
    });
    expect(answer.headers[REQUEST_ID_HEADER]).toBe("trace-42");
    for (const { operation } of operations) {
      expect(operation.parameters?.map((p) => p.name.toLowerCase())).toContain(REQUEST_ID_HEADER);
      for (const response of Object.values(operation.responses)) {
        expect(headerNames(response)).toContain(REQUEST_ID_HEADER);
      }
    }
  });

  it("Idempotency-Key taken and Idempotent-Replayed sent on a replay, as documented", async () => {
    const request = {
      method: "POST" as const,
      url: datapoints,
      headers: { "idempotency-key": "openapi-test-1" },
      payload: {
        datapoints: [{ externalId: "m-1", name: "Meter", deviceName: "Main", kind: "meter" }],
      },
    };
    expect((await superAdmin.request(request)).statusCode).toBe(200);
    const replay = await superAdmin.request(request);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(register.parameters).toContainEqual(
      expect.objectContaining({ in: "header", name: "idempotency-key" }),
    );
    expect(headerNames(register.responses["200"])).toContain("idempotent-replayed");
  });

  it("Location on a 201 and WWW-Authenticate on a 401, as documented", async () => {
    const created = await superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "Located" },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/api-keys/${created.json().key.id}`);
    expect(headerNames(byId("createApiKey").responses["201"])).toContain("location");
    const refused = await t.app.inject({ method: "GET", url: "/api/v1/me" });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers["www-authenticate"]).toBeDefined();
    for (const { operation } of operations) {
      const unauthenticated = operation.responses["401"];
      if (unauthenticated) expect(headerNames(unauthenticated)).toContain("www-authenticate");
    }
  });

  it("Idempotency-Key on every POST of the API, the key's reuse refused with 422", async () => {
    const first = await superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: { "idempotency-key": "openapi-test-2" },
      payload: { name: "Once" },
    });
    const other = await superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: { "idempotency-key": "openapi-test-2" },
      payload: { name: "Another" },
    });
    expect([first.statusCode, other.statusCode]).toEqual([201, 422]);
    expect(other.json().code).toBe("IDEMPOTENCY_KEY_REUSED");
    const posts = operations.filter((o) => o.method === "POST" && o.path.startsWith("/api/v1/"));
    for (const { path, operation } of posts) {
      expect(
        operation.parameters?.map((p) => p.name.toLowerCase()),
        path,
      ).toContain("idempotency-key");
      expect(codesAt(operation, 422), path).toContain("IDEMPOTENCY_KEY_REUSED");
    }
  });

  it("ETag, If-None-Match's 304 and If-Match's 412, as documented", async () => {
    const read = await superAdmin.request({ method: "GET", url: "/api/v1/me/profile" });
    const etag = String(read.headers.etag);
    const again = await superAdmin.request({
      method: "GET",
      url: "/api/v1/me/profile",
      headers: { "if-none-match": etag },
    });
    expect(again.statusCode).toBe(304);
    const get = byId("getProfile");
    expect(headerNames(get.responses["200"])).toContain("etag");
    expect(get.responses["304"]).toBeDefined();
    expect(get.parameters?.map((p) => p.name)).toContain("If-None-Match");
    const stale = await superAdmin.request({
      method: "PUT",
      url: "/api/v1/me/profile",
      headers: { "if-match": '"stale"' },
      payload: { name: read.json().name, language: read.json().language },
    });
    expect(stale.statusCode).toBe(412);
    expect(codesAt(byId("updateProfile"), 412)).toEqual([stale.json().code]);
    expect(byId("updateProfile").parameters?.map((p) => p.name)).toContain("If-Match");
  });

  it("the datapoints' Link to their next page, as documented", async () => {
    await superAdmin.request({
      method: "POST",
      url: datapoints,
      payload: {
        datapoints: [
          { externalId: "link-1", name: "A", deviceName: "D", kind: "meter" },
          { externalId: "link-2", name: "B", deviceName: "D", kind: "meter" },
        ],
      },
    });
    const page = await superAdmin.request({ method: "GET", url: `${datapoints}?pageSize=1` });
    expect(page.statusCode).toBe(200);
    expect(page.headers.link).toMatch(/rel="next"/);
    expect(headerNames(byId("listDatapoints").responses["200"])).toContain("link");
  });

  it("a CSV export answers text/csv to save, as documented", async () => {
    const csv = await superAdmin.request({ method: "GET", url: `${datapoints}/export.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers["content-disposition"]).toMatch(/^attachment/);
    const answer = byId("exportDatapoints").responses["200"];
    expect(Object.keys(answer?.content ?? {})).toEqual(["text/csv"]);
    expect(headerNames(answer)).toContain("content-disposition");
  });

  it("the event feed's Link to its next page, as documented", async () => {
    const feed = await superAdmin.request({ method: "GET", url: "/api/v1/events" });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers.link).toMatch(/rel="next"/);
    expect(headerNames(byId("listEvents").responses["200"])).toContain("link");
  });

  it("a key's RateLimit-* headers, documented on the operations keys call", async () => {
    const created = await superAdmin.request({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "Document check" },
    });
    const answer = await t.app.inject({
      method: "GET",
      url: `/api/v1/usage/accounts/${account.id}`,
      headers: { authorization: `Bearer ${created.json().secret}` },
    });
    expect(answer.statusCode).toBe(200);
    const sent = ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"];
    for (const name of sent) expect(answer.headers[name]).toBeDefined();
    expect(headerNames(byId("getAccountUsage").responses["200"])).toEqual(
      expect.arrayContaining(sent),
    );
    expect(headerNames(byId("getAccountUsage").responses["429"])).toContain("retry-after");
  });
});

describe("a client generated from the document", () => {
  it("types every operation and every refusal (openapi-typescript)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wattfolio-openapi-"));
    try {
      const generated = astToString(await openapiTS(document as never));
      await writeFile(join(dir, "openapi.d.ts"), generated);
      // One line per operation and refusal status: it compiles only when the operation is in
      // `operations` and the refusal's `code` is typed (a `never` takes no string).
      // Operations without an id fail the test above; here they could not be named.
      const named = operations.filter(({ operation }) => operation.operationId !== undefined);
      expect(named.length).toBeGreaterThan(70);
      const lines = named.flatMap(({ operation }) => {
        const id = JSON.stringify(operation.operationId);
        return [
          `type Op_${operation.operationId} = operations[${id}];`,
          ...Object.keys(operation.responses)
            .filter((status) => Number(status) >= 400)
            .flatMap((status) => {
              const code = codesAt(operation, Number(status))[0];
              return code === undefined
                ? []
                : [
                    `export const c_${operation.operationId}_${status}: operations[${id}]["responses"][${status}]["content"]["application/problem+json"]["code"] = ${JSON.stringify(code)};`,
                  ];
            }),
        ];
      });
      const usage = `import type { operations } from "./openapi.js";
${lines.join("\n")}
type Conflict = operations["registerDatapoints"]["responses"][409]["content"]["application/problem+json"];
export const quota: Conflict = { type: "urn:wattfolio:problem:quota-exceeded", title: "t", status: 409, detail: "d", code: "QUOTA_EXCEEDED", datapointsLeft: 3, datapointsNeeded: 2 };
// @ts-expect-error a code registering datapoints never answers with
export const wrong: Conflict = { type: "urn:wattfolio:problem:last-super-admin", title: "t", status: 409, detail: "d", code: "LAST_SUPER_ADMIN" };
// The account is optional: the server takes a key without one.
export const key: operations["createApiKey"]["requestBody"]["content"]["application/json"] = { name: "CRM" };
`;
      await writeFile(join(dir, "usage.ts"), usage);
      const program = ts.createProgram([join(dir, "usage.ts")], {
        strict: true,
        noEmit: true,
        noUnusedLocals: false,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        skipLibCheck: false,
        types: [],
      });
      const diagnostics = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      expect(diagnostics).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
