/**
 * The API's OpenAPI 3.1 document, as @fastify/swagger builds it from the routes' zod schemas, and
 * finished here so that tools take it (redocly's recommended rules, openapi-typescript): every
 * operation's refusals as problem+json by status with their codes (./problems.ts), the headers the
 * server really sends, tags with their descriptions, and the server it is served from.
 */
import { STATUS_CODES } from "node:http";
import type { SwaggerOptions } from "@fastify/swagger";
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
} from "fastify-type-provider-zod";
import { ERROR_CODES, type ErrorCode } from "../../shared/errors.ts";
import { callers } from "../access/actor.ts";
import { addExamples } from "./examples.ts";
import {
  codesOf,
  fieldErrorSchema,
  problemResponses,
  problemSchema,
  problemSchemaName,
} from "./problems.ts";

/** Every tag an operation may carry, described once; an operation with another fails its test. */
export const TAGS = [
  { name: "session", description: "Signing in and out, one's password, who one is." },
  { name: "health", description: "Liveness and readiness, for load balancers and orchestrators." },
  {
    name: "catalogue",
    description: "Licences, Bill Management licence types and sectors that accounts are sold with.",
  },
  { name: "partners", description: "The partners (tenants) and their status; Customer Success." },
  { name: "staff", description: "The Customer Success team and its invitations." },
  { name: "accounts", description: "The accounts a user can see, with entitlements and history." },
  {
    name: "account management",
    description: "A SuperAdmin's portfolio: its accounts and the applications that change them.",
  },
  {
    name: "review",
    description: "Customer Success reviews applications and its auto-approval rules.",
  },
  {
    name: "usage",
    description:
      "The usage API, for integrations with an API key: datapoints and SMS credits of an account.",
  },
  { name: "API keys", description: "Keys that integrations call the usage API with." },
  { name: "mail", description: "Outgoing e-mail and its delivery; the in-app mailbox." },
  { name: "Invitations", description: "Opening and accepting an e-mailed invitation link." },
  { name: "Users", description: "A partner's users, their invitations and their accounts." },
  { name: "profile", description: "One's own name, language and sessions." },
  { name: "security log", description: "Who did what to people and access." },
  { name: "lifecycle", description: "Reminder sweeps of expiring accounts, on demand." },
  {
    name: "test clock",
    description: "Moving the clock of a test installation (TEST_CLOCK=1 only).",
  },
  { name: "Webhooks", description: "Endpoints that receive signed events, and their deliveries." },
  { name: "Events", description: "What happened, as a feed to poll." },
];

type JsonObject = Record<string, unknown>;
type Operation = JsonObject & {
  responses?: Record<string, JsonObject>;
  parameters?: ({ in: string; name: string } & JsonObject)[];
  security?: Record<string, unknown>[];
};

const PROBLEM_CODES = "x-problem-codes";
const PAGED_BY_LINK = "x-paged-by-link";

const header = (description: string, schema: JsonObject): JsonObject => ({ description, schema });

/** A header's name as documents spell it (`x-request-id` → `X-Request-Id`). */
const canonical = (name: string) =>
  name.replace(
    /(^|-)([a-z])/g,
    (_, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`,
  );

const headersWith = (requestId: string): Record<string, JsonObject> => ({
  [requestId]: header(
    "This request's id, in the server's log lines too: the caller's own `X-Request-Id` when it sent a sane one, else a new UUID.",
    { type: "string" },
  ),
  "Idempotent-Replayed": header(
    "`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`; nothing was done again.",
    { type: "string", enum: ["true"] },
  ),
  "RateLimit-Limit": header("Requests this API key may make a minute.", { type: "integer" }),
  "RateLimit-Remaining": header("Requests left in the current minute.", { type: "integer" }),
  "RateLimit-Reset": header("Seconds until the minute's allowance starts again.", {
    type: "integer",
  }),
  "Retry-After": header("Seconds to wait before trying again.", { type: "integer" }),
  "WWW-Authenticate": header(
    'How to authenticate here: `Bearer realm="wattfolio"` where API keys are taken, and the sign-in form for a session cookie (`Cookie realm="wattfolio", form-action="/api/auth/sign-in/email"`).',
    { type: "string" },
  ),
  Location: header("The address of what was created.", { type: "string" }),
  "Content-Disposition": header('A file to save, and its name: `attachment; filename="…"`.', {
    type: "string",
  }),
  Link: header('The next page, as `<address>; rel="next"` (RFC 8288).', { type: "string" }),
  ETag: header(
    "A strong tag of this representation: send it back in `If-None-Match` to read it again, in `If-Match` to change it.",
    { type: "string" },
  ),
});

const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

const zodTransform = createJsonSchemaTransform({});
const zodTransformObject = createJsonSchemaTransformObject({});

/**
 * @fastify/swagger's options for the API's document, served from `publicUrl`; every answer carries
 * the request id in `requestIdHeader` (the app's http/ tier says which).
 */
export function openApiOptions({
  publicUrl,
  requestIdHeader,
}: {
  publicUrl: string;
  requestIdHeader: string;
}): SwaggerOptions {
  const requestId = canonical(requestIdHeader);
  return {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Wattfolio API",
        version: "1",
        description:
          "Accounts, licences and quotas of the energy management platform. Errors are RFC 9457 problem+json documents with a stable `code`; each operation lists the codes it can answer.",
      },
      servers: [{ url: publicUrl, description: "This installation" }],
      tags: TAGS,
      components: {
        securitySchemes: {
          session: {
            type: "apiKey",
            in: "cookie",
            name: "wattfolio.session_token",
            description: "The web app's session, set by signing in.",
          },
          apiKey: {
            type: "http",
            scheme: "bearer",
            description: "An integration's API key; it reaches the usage API and the event feed.",
          },
        },
      },
      security: [{ session: [] }],
    },
    transform: (input) => {
      const transformed = zodTransform(input) as { schema: JsonObject; url: string };
      if (transformed.schema?.hide) return transformed;
      const methods = [input.route.method].flat();
      transformed.schema = {
        ...transformed.schema,
        ...(input.schema?.pagedByLink ? { [PAGED_BY_LINK]: true } : {}),
        [PROBLEM_CODES]: codesOf({
          method: String(methods[0]),
          url: input.route.url,
          refusesNoCaller:
            (input.route.config as { callers?: unknown } | undefined)?.callers ===
            callers.anyCaller,
          schema: input.schema as Parameters<typeof codesOf>[0]["schema"],
        }),
      };
      return transformed;
    },
    transformObject: (input) => finish(zodTransformObject(input) as JsonObject, requestId),
  } as SwaggerOptions;
}

const isProblemRef = (response: JsonObject): boolean =>
  JSON.stringify(response.content ?? {}).includes('"#/components/schemas/Problem"');

/** `Idempotency-Key` as every POST of a person or a key takes it (server/http/idempotency.ts). */
const IDEMPOTENCY_KEY = {
  in: "header",
  name: "Idempotency-Key",
  required: false,
  description:
    "Any unique value (e.g. a UUID) per change. A retry with the same key and request gets the first answer again, with `Idempotent-Replayed: true`, without doing it twice; another request under it is refused (422). Kept for 24 hours; refusals are not kept.",
  schema: { type: "string", minLength: 1, maxLength: 255 },
};

/** Conditional requests on the API (server/http/conditional-requests.ts). */
const IF_NONE_MATCH = {
  in: "header",
  name: "If-None-Match",
  required: false,
  description: "The `ETag` of the copy one has: 304 without a body when it is still current.",
  schema: { type: "string" },
};
const IF_MATCH = {
  in: "header",
  name: "If-Match",
  required: false,
  description:
    "The `ETag` of what one read before editing it: 412 `PRECONDITION_FAILED` when it has changed since.",
  schema: { type: "string" },
};

function finishOperation(
  path: string,
  method: string,
  operation: Operation,
  requestId: string,
): ErrorCode[] {
  const codes = (operation[PROBLEM_CODES] as ErrorCode[] | undefined) ?? [];
  const pagedByLink = operation[PAGED_BY_LINK] === true;
  delete operation[PROBLEM_CODES];
  delete operation[PAGED_BY_LINK];
  const responses: Record<string, JsonObject> = {};
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    // The route's own error schemas are the loose catch-all; the document states the codes.
    if (Number(status) >= 400 && isProblemRef(response)) continue;
    if (response.description === "Default Response") {
      response.description = STATUS_CODES[Number(status)] ?? status;
    }
    responses[status] = response;
  }
  for (const [status, response] of Object.entries(problemResponses(codes))) {
    responses[status] ??= response;
  }
  const byKey = operation.security?.some((requirement) => "apiKey" in requirement) ?? false;
  const takesKey = (p: { in: string; name: string }) =>
    p.in === "header" && p.name.toLowerCase() === "idempotency-key";
  if (method === "post" && path.startsWith("/api/v1/") && !operation.parameters?.some(takesKey)) {
    operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_KEY];
  }
  const idempotent = operation.parameters?.some(takesKey) ?? false;
  operation.parameters = [
    ...(operation.parameters ?? []),
    {
      in: "header",
      name: requestId,
      required: false,
      description:
        "One's own id for this request (a UUID, a tracing id): kept when it is up to 128 letters, digits and `._:=+/@-`, else a new one is made. The answer carries it back.",
      schema: { type: "string", maxLength: 128 },
    },
  ];
  const conditional = path.startsWith("/api/v1/") && (method === "get" || method === "put");
  if (conditional) {
    operation.parameters = [
      ...(operation.parameters ?? []),
      method === "get" ? IF_NONE_MATCH : IF_MATCH,
    ];
  }
  if (conditional && method === "get" && responses["200"]) {
    responses["304"] = {
      description: "Not Modified: the copy named in `If-None-Match` is current.",
    };
  }
  for (const [status, response] of Object.entries(responses)) {
    const headers = (response.headers ?? {}) as JsonObject;
    headers[requestId] ??= headerRef(requestId);
    if (byKey) {
      for (const name of ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]) {
        headers[name] ??= headerRef(name);
      }
    }
    if (idempotent && status.startsWith("2")) {
      headers["Idempotent-Replayed"] ??= headerRef("Idempotent-Replayed");
    }
    if (status === "503") headers["Retry-After"] ??= headerRef("Retry-After");
    if (status === "401") headers["WWW-Authenticate"] ??= headerRef("WWW-Authenticate");
    if (status === "201") headers.Location ??= headerRef("Location");
    if (pagedByLink && status === "200") headers.Link ??= headerRef("Link");
    if (response.content && "text/csv" in (response.content as JsonObject)) {
      headers["Content-Disposition"] ??= headerRef("Content-Disposition");
    }
    if (conditional && method === "get" && (status === "200" || status === "304")) {
      headers.ETag ??= headerRef("ETag");
    }
    response.headers = headers;
  }
  operation.responses = Object.fromEntries(
    Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)),
  );
  return codes;
}

/** The names of the schemas something outside `components.schemas` reaches, transitively. */
function reachableSchemas(document: JsonObject, schemas: Record<string, unknown>): Set<string> {
  const reached = new Set<string>();
  const { components, ...rest } = document;
  const visit = (value: unknown) => {
    for (const match of JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      const name = decodeURIComponent(match[1] ?? "");
      if (reached.has(name)) continue;
      reached.add(name);
      visit(schemas[name] ?? {});
    }
  };
  visit(rest);
  visit({ ...(components as JsonObject), schemas: undefined });
  return reached;
}

/**
 * zod's registry output as plain OpenAPI schemas: no `$schema`/`$id` of their own, and no
 * `default: null` (openapi-typescript takes a default to mean "always present", which would make a
 * field the server takes omitted, such as `CreateApiKeyInput.accountId`, required).
 */
function tidy(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) tidy(item);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const object = value as JsonObject;
  if (object.default === null) delete object.default;
  if (typeof object.$id === "string" && object.$id.startsWith("#/components/")) delete object.$id;
  if (typeof object.$schema === "string") delete object.$schema;
  for (const member of Object.values(object)) tidy(member);
}

function finish(document: JsonObject, requestId: string): JsonObject {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  const used = new Set<ErrorCode>();
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const code of finishOperation(path, method, operation, requestId)) used.add(code);
    }
  }
  const components = (document.components ?? {}) as JsonObject;
  const schemas: Record<string, unknown> = {
    ...(components.schemas as JsonObject),
    FieldError: fieldErrorSchema,
    ...Object.fromEntries(
      ERROR_CODES.filter((code) => used.has(code)).map((code) => [
        problemSchemaName(code),
        problemSchema(code),
      ]),
    ),
  };
  const finished = {
    ...document,
    paths,
    components: { ...components, headers: headersWith(requestId), schemas },
  };
  // zod's registry holds every schema with an id, used by a route or not.
  const reachable = reachableSchemas(finished, schemas);
  finished.components.schemas = Object.fromEntries(
    Object.entries(schemas).filter(([name]) => reachable.has(name)),
  );
  tidy(finished);
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      addExamples(operation, finished.components.schemas as Record<string, JsonObject>);
    }
  }
  return finished;
}
