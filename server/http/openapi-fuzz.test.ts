/**
 * Garbage at every operation of the OpenAPI document, as an anonymous client, a SuperAdmin and
 * Customer Success: wrong types, huge numbers, NUL, half characters and direction marks in strings,
 * unknown fields, other content types, deep paths and bad ids. Whatever is sent, the answer is
 * never a 5xx, and every 4xx is problem+json with a code of the catalogue.
 *
 * A value only the database refuses (a NUL in a search, say) counts as a fault too: validation
 * should have named the field before any SQL ran.
 *
 * Deterministic: a fixed seed per operation and a bounded number of runs, so that a failure replays
 * and the file stays within about a minute on PGlite. Requests are built from the document itself,
 * so a new operation is fuzzed without touching this file. Longer than most files on purpose: the
 * generators for every kind of parameter live beside the one property they serve.
 */
import { Buffer } from "node:buffer";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../shared/errors.ts";
import {
  createAccount,
  createCatalogue,
  createCustomerSuccess,
  createPartner,
} from "../test/factories.ts";
import { anonymous, signIn, startTestApp } from "../test/harness.ts";

const SEED = 20_260_915;
const RUNS_PER_OPERATION = 80;

interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

interface Parameter {
  in: "path" | "query" | "header" | "cookie";
  name: string;
  schema?: Schema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: Schema | undefined;
  /** Every status the document lists, with the codes a refusal of that status can carry. */
  refusals: Record<string, unknown[]>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Omit<Operation, "method" | "path" | "body">>>;
  components?: { schemas?: Record<string, Schema> };
}

// The app, its document and the ids worth aiming at: the fuzzed operations are those of the document.
const t = await startTestApp({ config: { TEST_CLOCK: "1" } });
afterAll(() => t.close());
const document = t.app.swagger() as unknown as OpenApiDocument;
const catalogue = await createCatalogue(t.db);
const partner = await createPartner(t.db);
const account = await createAccount(t.db, partner.id, catalogue);
const superAdmin = await signIn(t.app, partner.superAdmin.email);
const sessions = {
  anonymous: anonymous(t.app),
  superAdmin,
  customerSuccess: await signIn(t.app, (await createCustomerSuccess(t.db)).email),
};
const filed = await superAdmin.request({
  method: "POST",
  url: "/api/v1/account-management/applications",
  payload: { kind: "edit_datapoints", accountId: account.id, payload: { change: 10 } },
});
const created = await superAdmin.request({
  method: "POST",
  url: "/api/v1/api-keys",
  payload: { name: "Fuzzed key" },
});
const KNOWN_IDS = [partner.id, account.id, filed.json().id, created.json().key.id].filter(
  (id): id is string => typeof id === "string",
);

function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: (operation as { requestBody?: { content?: Record<string, { schema?: Schema }> } })
        .requestBody?.content?.["application/json"]?.schema,
      refusals: refusalsOf(operation as { responses?: Record<string, Response> }),
    })),
  );
}

type Response = { content?: Record<string, { schema?: Schema }> };

function refusalsOf(operation: {
  responses?: Record<string, Response>;
}): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(operation.responses ?? {}).map(([status, response]) => {
      const schema = response.content?.["application/problem+json"]?.schema ?? {};
      const schemas = (schema.oneOf ?? [schema]).map(resolve);
      return [status, schemas.flatMap((s) => s.properties?.code?.enum ?? [])];
    }),
  );
}

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split("/").at(-1) ?? "";
  return resolve(document.components?.schemas?.[name] ?? {});
}

// Strings no one should send: NUL, controls, half characters, direction marks, and lengths around
// every limit of the API; most often one such character in otherwise ordinary text.
const INVISIBLE = [
  "\u0000",
  "\u0007",
  "\u001B",
  "\u007F",
  "\u0085",
  "\uD800",
  "\uDFFF",
  "\u202E",
  "\u2066",
  "\u2028",
  "\uFEFF",
  "\n",
  "\r\n",
  "\t",
];
const VISIBLE = [
  "a",
  "Ä",
  "東京",
  "😀",
  " ",
  "'",
  '"',
  "\\",
  "%",
  "%00",
  "../",
  "<script>",
  "' OR 1=1 --",
  "{{x}}",
  "wfk_",
];
const LIMITS = [
  1, 40, 41, 99, 100, 101, 120, 121, 199, 200, 201, 254, 255, 256, 2000, 2001, 50_000,
];
/** NUL above all: the one character PostgreSQL cannot store at all. */
const invisible = fc.oneof(
  { arbitrary: fc.constant("\u0000"), weight: 4 },
  { arbitrary: fc.constantFrom(...INVISIBLE), weight: 6 },
);
const ordinary = fc.array(fc.constantFrom(...VISIBLE), { maxLength: 4 }).map((p) => p.join(""));
const hostileString = fc.oneof(
  {
    arbitrary: fc.tuple(ordinary, invisible, ordinary).map((p) => p.join("")),
    weight: 4,
  },
  fc.array(fc.constantFrom(...VISIBLE, ...INVISIBLE), { maxLength: 12 }).map((p) => p.join("")),
  fc
    .tuple(fc.constantFrom(...LIMITS), fc.constantFrom(...VISIBLE))
    .map(([length, piece]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length)),
  fc.string({ unit: "binary", maxLength: 20 }),
);
const hugeNumber = fc.constantFrom(
  0,
  -1,
  1.5,
  -0.000_001,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER,
  1e21,
  1e308,
  -1e308,
);
/** Deep JSON as text: deep enough to overflow a recursive parser or validator. */
const deeplyNested = fc
  .tuple(fc.constantFrom(10, 1_000, 20_000), fc.constantFrom(["[", "]"], ['{"a":', "}"]))
  .map(([depth, [open, close]]) => `${open.repeat(depth)}1${close.repeat(depth)}`);
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileString,
  hugeNumber,
  fc.constant(null),
);

/** `arbitrary` in one case out of `every`, else null. */
const oneIn = <T>(every: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: fc.constant(null), weight: every - 1 }, { arbitrary, weight: 1 });

/** Mostly what the schema asks, now and then anything: the near-misses get furthest into the code. */
function valueFor(input: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(input);
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices) return fc.oneof(...choices.map((choice) => valueFor(choice, depth)));
  return fc.oneof(
    { arbitrary: shaped(schema, depth), weight: 12 },
    { arbitrary: garbage, weight: 1 },
  );
}

function shaped(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      if (schema.format === "uuid") return fc.oneof(fc.constantFrom(...KNOWN_IDS), fc.uuid());
      if (schema.format === "date")
        return fc.constantFrom("2026-03-15", "0000-01-01", "2026-02-30");
      return fc.oneof(
        { arbitrary: hostileString, weight: 3 },
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
        fc.constantFrom("P3D", "Acme", "mail.example.com", "billing@customer.example"),
      );
    case "integer":
    case "number":
      return fc.oneof(hugeNumber, fc.integer());
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(schema.items && depth < 4 ? valueFor(schema.items, depth + 1) : garbage, {
        maxLength: 3,
      });
    case "object": {
      const properties = Object.entries(schema.properties ?? {});
      const known = fc.record(
        Object.fromEntries(
          properties.map(([name, property]) => [
            name,
            depth < 4 ? valueFor(property, depth + 1) : garbage,
          ]),
        ),
        { requiredKeys: [] },
      );
      const unknown = fc.dictionary(
        fc.oneof(fc.constantFrom("account_id", "__proto__", "constructor", "id"), hostileString),
        garbage,
        { maxKeys: 2 },
      );
      return fc
        .tuple(known, oneIn(6, unknown))
        .map(([fields, extra]) => ({ ...(extra ?? {}), ...fields }));
    }
    default:
      return garbage;
  }
}

/** UTF-8 %-escapes of any string, lone surrogates too (they become U+FFFD, as a browser sends them). */
const escaped = (text: string) =>
  [...Buffer.from(text, "utf8")]
    .map((byte) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
const MALFORMED_ESCAPES = ["%", "%zz", "%E0%A4%A", "%ED%A0%80", "%C0%AF", "%2e%2e", "%2F", "%00"];

const pathSegment = fc.oneof(
  { arbitrary: fc.constantFrom(...KNOWN_IDS), weight: 6 },
  { arbitrary: fc.uuid(), weight: 2 },
  { arbitrary: hostileString.map(escaped), weight: 1 },
  { arbitrary: fc.constantFrom(...MALFORMED_ESCAPES, "..", ".", "-1", "0", "1e309"), weight: 1 },
);

const textOf = (value: unknown): string =>
  typeof value === "string" ? value : (JSON.stringify(value) ?? "");

function queryOf(operation: Operation): fc.Arbitrary<string> {
  const parameters = operation.parameters.filter((p) => p.in === "query");
  const known = fc.record(
    Object.fromEntries(parameters.map((p) => [p.name, valueFor(p.schema ?? {})])),
    { requiredKeys: [] },
  );
  const extra = fc.array(
    fc.oneof(
      hostileString.map((name) => `${escaped(name)}=1`),
      fc.constantFrom(...MALFORMED_ESCAPES).map((bad) => `q=${bad}`),
      fc.constantFrom("page=1e309", "pageSize=-0", "page=0x10", "page[]=1", "page=1&page=2"),
    ),
    { maxLength: 2 },
  );
  return fc.tuple(known, oneIn(4, extra)).map(([values, more]) => {
    const pairs = Object.entries(values).map(
      ([name, value]) => `${name}=${escaped(textOf(value))}`,
    );
    const all = [...pairs, ...(more ?? [])];
    return all.length === 0 ? "" : `?${all.join("&")}`;
  });
}

function urlOf(operation: Operation): fc.Arbitrary<string> {
  const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
  const parameters = fc.tuple(...names.map(() => pathSegment));
  const deeper = fc.array(pathSegment, { minLength: 1, maxLength: 3 });
  return fc
    .tuple(parameters, oneIn(8, deeper), queryOf(operation))
    .map(([values, extra, query]) => {
      let url = operation.path;
      names.forEach((name, index) => {
        url = url.replace(`{${name}}`, String(values[index]));
      });
      return `${url}${extra ? `/${extra.join("/")}` : ""}${query}`;
    });
}

/** Header values as an HTTP parser lets them through: visible Latin-1, no controls. */
const headerValue = hostileString.map((text) =>
  [...text].filter((c) => c >= " " && c <= "ÿ" && c !== "\u007F").join(""),
);

interface Body {
  payload?: string;
  contentType?: string;
}

function bodyOf(operation: Operation): fc.Arbitrary<Body> {
  const json = valueFor(operation.body ?? {}).map((value) => ({
    payload: JSON.stringify(value) ?? "null",
    contentType: "application/json",
  }));
  const raw = fc.record({
    payload: fc.oneof(
      hostileString,
      deeplyNested,
      fc.constantFrom('{"a":', "[1,", "{}", "", "\u0000"),
    ),
    contentType: fc.constantFrom(
      "application/json",
      "application/json; charset=utf-16",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/xml",
      "application/octet-stream",
      "",
    ),
  });
  return fc.oneof(
    { arbitrary: json, weight: operation.body ? 12 : 1 },
    { arbitrary: raw, weight: 2 },
    { arbitrary: fc.constant({}), weight: 2 },
  );
}

function requestOf(operation: Operation) {
  return fc.record({
    caller: fc.constantFrom(...(Object.keys(sessions) as (keyof typeof sessions)[])),
    method:
      operation.method === "GET"
        ? fc.constantFrom("GET", "GET", "HEAD")
        : fc.constant(operation.method),
    url: urlOf(operation),
    body: bodyOf(operation),
    idempotencyKey: oneIn(3, headerValue),
    authorization: oneIn(
      10,
      fc.oneof(
        fc.constantFrom("Bearer", "Bearer wfk_forged", "Basic Zm9vOmJhcg==", "Bearer a b"),
        headerValue,
      ),
    ),
    requestId: oneIn(4, headerValue),
  });
}

type Request = ReturnType<typeof requestOf> extends fc.Arbitrary<infer R> ? R : never;

async function send(request: Request): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (request.body.contentType) headers["content-type"] = request.body.contentType;
  if (request.idempotencyKey !== null) headers["idempotency-key"] = request.idempotencyKey;
  if (request.authorization !== null) headers.authorization = request.authorization;
  if (request.requestId !== null) headers["x-request-id"] = request.requestId;
  return sessions[request.caller].request({
    method: request.method as "GET",
    url: request.url,
    headers,
    ...(request.body.payload === undefined ? {} : { payload: request.body.payload }),
  });
}

function expectCleanAnswer(
  operation: Operation,
  request: Request,
  response: LightMyRequestResponse,
): void {
  const sent = `${request.caller}: ${request.method} ${request.url} ${request.body.contentType ?? ""} ${(request.body.payload ?? "").slice(0, 300)}`;
  const answered = `${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, `${sent}\n→ ${answered}`).toBeLessThan(500);
  expect(response.headers["x-request-id"], sent).toBeTruthy();
  // The document is truthful: an answer of this operation (not of a deeper path) is one it lists.
  const path = request.url.split("?")[0] ?? "";
  const own = new RegExp(`^${operation.path.replace(/\{\w+\}/g, "[^/]+")}$`);
  // `.`, `..` and escaped slashes take the router to another path.
  const elsewhere = path.split("/").some((segment) => /^(\.|%2e){1,2}$|%2f/i.test(segment));
  const answeredByIt = own.test(path) && !elsewhere && request.method === operation.method;
  if (answeredByIt) {
    expect(
      Object.keys(operation.refusals),
      `${operation.method} ${operation.path} answered ${response.statusCode}, which its document does not list\n${sent}`,
    ).toContain(String(response.statusCode));
  }
  if (response.statusCode < 400 || request.method === "HEAD") return;
  expect(response.headers["content-type"], `${sent}\n→ ${answered}`).toMatch(
    /^application\/problem\+json/,
  );
  const problem = response.json() as { code: string; status: number; detail: string };
  expect(ERROR_CODES, `${sent}\n→ ${answered}`).toContain(problem.code);
  expect(problem.status).toBe(response.statusCode);
  // The database's refusal is the last line of defence: validation should have named the field.
  expect(problem.detail, `${sent}\n→ ${answered}`).not.toMatch(/cannot be stored or compared/);
  if (answeredByIt) {
    expect(
      operation.refusals[String(response.statusCode)] ?? [],
      `${operation.method} ${operation.path} answered ${problem.code} (${response.statusCode}), which its document does not list\n${sent}`,
    ).toContain(problem.code);
  }
}

const operations = operationsOf(document);

/** Each operation its own fixed seed, which stays when other operations come and go. */
const seedOf = (operation: Operation) =>
  [...`${operation.method} ${operation.path}`].reduce(
    (hash, c) => (Math.imul(hash, 31) + c.charCodeAt(0)) | 0,
    SEED,
  );

describe("garbage sent to any operation of the API", () => {
  it("reaches every documented operation", () => {
    expect(operations.length).toBeGreaterThan(25);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toContain("POST /api/v1/api-keys");
  });

  for (const operation of operations) {
    it(`gets a clean 4xx problem from ${operation.method} ${operation.path}, never a 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(requestOf(operation), async (request) => {
          expectCleanAnswer(operation, request, await send(request));
        }),
        { seed: seedOf(operation), numRuns: RUNS_PER_OPERATION },
      );
    });
  }
});
