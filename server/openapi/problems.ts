/**
 * The refusals an operation can answer, as the OpenAPI document states them: each catalogue code
 * a problem+json schema of its own (its `code`, its status, its extension members), and each
 * operation's error responses grouped by status from the codes it can answer. A route states only
 * the codes of its own rules (`schema.errors`); the ones every route of its kind can answer
 * (validation, sign-in, permissions, a missing id, the database away) are derived from the route.
 */
import { ERROR_CODES, type ErrorCode } from "../../shared/errors.ts";
import { toDocument } from "../errors.ts";

/** The one status of a code, from the catalogue's table (server/errors.ts). */
const statusOf = (code: ErrorCode): number => toDocument(code, "").status;

declare module "fastify" {
  interface FastifySchema {
    /**
     * The catalogue codes this route's own rules refuse with (QUOTA_EXCEEDED, LAST_SUPER_ADMIN…),
     * for the OpenAPI document; the common ones are added to every route that can answer them.
     */
    errors?: readonly ErrorCode[];
    /** The answer names the next page in a `Link` header (`rel="next"`), for the document. */
    pagedByLink?: boolean;
  }
}

type JsonSchema = Record<string, unknown>;

const integer = (description: string, example: number): JsonSchema => ({
  type: "integer",
  description,
  examples: [example],
});

/** The members a code adds to the standard ones, with what a client needs to act on it. */
const EXTENSIONS: Partial<
  Record<ErrorCode, { properties: Record<string, JsonSchema>; required: string[] }>
> = {
  QUOTA_EXCEEDED: {
    properties: {
      datapointsLeft: integer("Billable datapoints the account has left.", 3),
      datapointsNeeded: integer("How many more the batch needed than were left.", 2),
    },
    required: ["datapointsLeft", "datapointsNeeded"],
  },
  INSUFFICIENT_SMS_CREDITS: {
    properties: { smsCreditsLeft: integer("The account's SMS credit balance.", 40) },
    required: ["smsCreditsLeft"],
  },
  ACCOUNT_EXPIRED: {
    properties: {
      endsOn: {
        type: "string",
        format: "date",
        description:
          "The last day of the account's term (usage API); an application names the field in `errors` instead.",
        examples: ["2026-03-01"],
      },
    },
    required: [],
  },
  APPLICATION_ALREADY_PENDING: {
    properties: {
      pendingApplicationId: {
        type: "string",
        format: "uuid",
        description: "The pending application of the same kind, to open or withdraw.",
        examples: ["0b8f4c52-0d1e-4e4b-9d55-2f1f2d3b7e61"],
      },
      pendingApplication: {
        type: "string",
        description: "Its address in this API.",
        examples: ["/api/v1/account-management/applications/0b8f4c52-0d1e-4e4b-9d55-2f1f2d3b7e61"],
      },
    },
    required: [],
  },
  APPLICATION_NOT_PENDING: {
    properties: {
      applicationStatus: {
        type: "string",
        enum: ["approved", "rejected", "withdrawn"],
        description: "What became of the application first.",
        examples: ["approved"],
      },
    },
    required: ["applicationStatus"],
  },
};

/** `QUOTA_EXCEEDED` → `QuotaExceededProblem`: the component of that code's problem document. */
export const problemSchemaName = (code: ErrorCode): string =>
  `${code
    .toLowerCase()
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("")}Problem`;

const EXAMPLE_DETAIL: Partial<Record<ErrorCode, string>> = {
  QUOTA_EXCEEDED:
    "The batch needs 2 more datapoints but the account has 3 left; nothing was registered.",
  VALIDATION_FAILED: "The body has 1 invalid field.",
};

function exampleOf(code: ErrorCode): Record<string, unknown> {
  const extension = EXTENSIONS[code];
  const members = Object.fromEntries(
    Object.entries(extension?.properties ?? {}).flatMap(([name, schema]) => {
      const examples = schema.examples as unknown[] | undefined;
      return examples ? [[name, examples[0]]] : [];
    }),
  );
  const errors =
    code === "VALIDATION_FAILED" ? [{ field: "datapoints.0.name", message: "Type a name" }] : [];
  return toDocument(code, EXAMPLE_DETAIL[code] ?? "A sentence for people.", errors, members);
}

/** The problem document of one code: RFC 9457's members, `code` and the code's extensions. */
export function problemSchema(code: ErrorCode): JsonSchema {
  const document = toDocument(code, "");
  const extension = EXTENSIONS[code];
  return {
    type: "object",
    description: `${document.title} (\`${code}\`, HTTP ${document.status}).`,
    required: ["type", "title", "status", "detail", "code", ...(extension?.required ?? [])],
    properties: {
      type: { type: "string", enum: [document.type] },
      title: { type: "string" },
      status: { type: "integer", enum: [document.status] },
      detail: { type: "string", description: "What happened, for people; in English." },
      code: { type: "string", enum: [code] },
      errors: {
        type: "array",
        description: "The fields at fault, when the refusal is about some.",
        items: { $ref: "#/components/schemas/FieldError" },
      },
      ...extension?.properties,
    },
    examples: [exampleOf(code)],
  };
}

export const fieldErrorSchema: JsonSchema = {
  type: "object",
  required: ["field", "message"],
  properties: {
    field: {
      type: "string",
      description: "Dotted path of the field in the body, query or path, e.g. `datapoints.0.name`.",
    },
    message: { type: "string" },
  },
};

/** Every catalogue code a route of this shape can answer, its own rules' codes included. */
export function codesOf(route: {
  method: string;
  url: string;
  /** The route takes any signed-in person or key (`callers.anyCaller`): it refuses nobody with 403. */
  refusesNoCaller?: boolean;
  schema: {
    body?: unknown;
    querystring?: unknown;
    params?: unknown;
    headers?: unknown;
    security?: readonly Record<string, unknown>[];
    errors?: readonly ErrorCode[];
  };
}): ErrorCode[] {
  const { method, url, schema } = route;
  if (!url.startsWith("/api/")) return [...(schema.errors ?? [])];
  const codes = new Set<ErrorCode>(["BAD_REQUEST", "SERVICE_UNAVAILABLE"]);
  const hasInput = schema.body ?? schema.querystring ?? schema.params ?? schema.headers;
  if (hasInput) codes.add("VALIDATION_FAILED");
  const changes = method !== "GET" && method !== "HEAD";
  // A change sent with a cookie from another site's page (server/auth/plugin.ts).
  if (changes) codes.add("CROSS_SITE_REQUEST");
  if (changes) {
    codes.add("PAYLOAD_TOO_LARGE");
    codes.add("UNSUPPORTED_MEDIA_TYPE");
  }
  const hasPathParameters = url.includes(":");
  if (hasPathParameters) {
    codes.add("URI_TOO_LONG");
    codes.add("NOT_FOUND");
  }
  // Every POST of a person or a key takes an Idempotency-Key (server/http/idempotency.ts); the
  // usage POSTs keep theirs in their own statement and are never "still running".
  if (method === "POST" && url.startsWith("/api/v1/")) {
    codes.add("IDEMPOTENCY_KEY_REUSED");
    if (!url.startsWith("/api/v1/usage/")) codes.add("IDEMPOTENCY_KEY_IN_USE");
  }
  // A PUT with an If-Match that no longer matches (server/http/conditional-requests.ts).
  if (method === "PUT" && url.startsWith("/api/v1/")) codes.add("PRECONDITION_FAILED");
  if (url.startsWith("/api/v1/")) {
    // A malformed or revoked API key is refused on every route; people-only routes refuse keys.
    codes.add("UNAUTHENTICATED");
    if (!route.refusesNoCaller) codes.add("FORBIDDEN");
    if (schema.security?.some((requirement) => "apiKey" in requirement)) codes.add("RATE_LIMITED");
  }
  for (const code of schema.errors ?? []) codes.add(code);
  return ERROR_CODES.filter((code) => codes.has(code));
}

/** The error responses of an operation answering `codes`: one per status, problem+json. */
export function problemResponses(codes: readonly ErrorCode[]): Record<string, JsonSchema> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = statusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, JsonSchema> = {};
  for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b)) {
    const refs = group.map((code) => ({ $ref: `#/components/schemas/${problemSchemaName(code)}` }));
    const schema =
      refs.length === 1
        ? refs[0]
        : {
            oneOf: refs,
            discriminator: {
              propertyName: "code",
              mapping: Object.fromEntries(
                group.map((code) => [code, `#/components/schemas/${problemSchemaName(code)}`]),
              ),
            },
          };
    const retries = status === 429 || status === 503;
    responses[String(status)] = {
      description: group.map((code) => `\`${code}\``).join(", "),
      headers: {
        ...(retries ? { "Retry-After": { $ref: "#/components/headers/Retry-After" } } : {}),
      },
      content: { "application/problem+json": { schema } },
    };
  }
  return responses;
}
