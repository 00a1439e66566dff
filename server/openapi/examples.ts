/**
 * An example for every request body and JSON answer of the document: written out for the usage
 * API that integrators build against, drawn from the schema (its `examples`, enums, formats and
 * limits) everywhere else. `redocly lint` checks each against its schema.
 */
type JsonObject = Record<string, unknown>;

const ACCOUNT_ID = "7f2c1b9e-3d4a-4c5b-8e6f-0a1b2c3d4e5f";
const PARTNER_ID = "1b2c3d4e-5f6a-4b7c-9d8e-2f3a4b5c6d7e";
const DATAPOINT_ID = "3c9d2e1f-5a6b-4c7d-9e8f-1a2b3c4d5e6f";

/** Examples written out, by operationId: what an integrator sends and gets. */
export const WRITTEN: Record<string, { request?: unknown; response?: unknown }> = {
  registerDatapoints: {
    request: {
      datapoints: [
        {
          externalId: "meter-0042",
          name: "Main meter",
          deviceName: "Gateway 7",
          kind: "meter",
        },
      ],
    },
    response: {
      registered: [{ id: DATAPOINT_ID, externalId: "meter-0042", billable: true }],
      alreadyRegistered: [],
      datapoints: { contracted: 500, used: 312, left: 188 },
    },
  },
  getAccountUsage: {
    response: {
      account: { id: ACCOUNT_ID, name: "Hotel Miramar" },
      status: "active",
      closed: false,
      endsOn: "2026-12-31",
      datapoints: { contracted: 500, used: 312, left: 188 },
      smsCredits: { contracted: 100, used: 63, left: 37 },
    },
  },
  spendSmsCredits: { request: { credits: 3 }, response: { spent: 3, smsCredits: { left: 37 } } },
  releaseDatapoints: {
    request: { externalIds: ["meter-0042"] },
    response: {
      released: [{ id: DATAPOINT_ID, externalId: "meter-0042", billable: true }],
      notRegistered: { ids: [], externalIds: [] },
      datapoints: { contracted: 500, used: 311, left: 189 },
    },
  },
  createApiKey: {
    request: { name: "CRM sync", accountId: ACCOUNT_ID },
    response: {
      key: {
        id: "5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
        name: "CRM sync",
        scope: "account",
        partner: { id: PARTNER_ID, name: "Iberia Energy" },
        account: { id: ACCOUNT_ID, name: "Hotel Miramar" },
        shownPart: "wfk_3xQp",
        createdBy: { id: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", name: "Ana García" },
        createdAt: "2026-03-15T10:00:00.000Z",
        lastUsedAt: null,
        revokedAt: null,
        revokedBy: null,
      },
      secret: "wfk_3xQp9LmZt2VbR8sKc4YhN6wD1fJ0aE5u",
    },
  },
  signInWithEmail: { request: { email: "ana@partner.example", password: "correct horse battery" } },
};

const FORMATS: Record<string, unknown> = {
  uuid: ACCOUNT_ID,
  date: "2026-03-15",
  "date-time": "2026-03-15T10:00:00.000Z",
  email: "ana@partner.example",
  uri: "https://partner.example/wattfolio/events",
  url: "https://partner.example/wattfolio/events",
};

/** Values tried against a string's `pattern`, the first that fits is the example. */
const PATTERNED = ["partner.example", "meter-0042", "ES", "P3D", "2026-03", "ES0021000000000000AA"];

/** A value the schema accepts, as a reader would expect one. */
export function sampleOf(
  input: JsonObject,
  schemas: Record<string, JsonObject>,
  depth = 0,
): unknown {
  if (depth > 8) return null;
  const schema =
    typeof input.$ref === "string"
      ? (schemas[input.$ref.split("/").at(-1) ?? ""] ?? {})
      : (input as JsonObject);
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.example !== undefined) return schema.example;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  const choices = (schema.anyOf ?? schema.oneOf) as JsonObject[] | undefined;
  if (choices) {
    const choice = choices.find((c) => c.type !== "null") ?? choices[0] ?? {};
    return sampleOf(choice, schemas, depth + 1);
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign(
      {},
      ...(schema.allOf as JsonObject[]).map((part) => sampleOf(part, schemas, depth + 1)),
    );
  }
  const types = [schema.type].flat();
  const type = types.find((t) => t !== "null") ?? types[0];
  switch (type) {
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, JsonObject>;
      return Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [
          name,
          sampleOf(property, schemas, depth + 1),
        ]),
      );
    }
    case "array": {
      const item = sampleOf((schema.items ?? {}) as JsonObject, schemas, depth + 1);
      return Array.from({ length: Math.max(1, Number(schema.minItems ?? 1)) }, () => item);
    }
    case "string": {
      const format = FORMATS[String(schema.format)];
      if (format !== undefined) return format;
      if (typeof schema.pattern === "string") {
        const pattern = new RegExp(schema.pattern, "u");
        const fits = PATTERNED.find((candidate) => pattern.test(candidate));
        if (fits !== undefined) return fits;
      }
      const text = "text";
      const min = Number(schema.minLength ?? 0);
      const max = Number(schema.maxLength ?? Number.POSITIVE_INFINITY);
      return text.padEnd(min, "x").slice(0, max);
    }
    case "integer":
    case "number": {
      // 1 where the limits allow it; zod's `int()` says ±2^53-1 as its limits.
      const minimum = Number(schema.minimum ?? Number(schema.exclusiveMinimum ?? -Infinity) + 1);
      const maximum = Number(schema.maximum ?? Number(schema.exclusiveMaximum ?? Infinity) - 1);
      return Math.min(Math.max(1, minimum), maximum);
    }
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return {};
  }
}

/** Sets `example` on the JSON request body and answers of an operation that have none. */
export function addExamples(operation: JsonObject, schemas: Record<string, JsonObject>): void {
  const written = WRITTEN[String(operation.operationId)] ?? {};
  const body = (operation.requestBody as JsonObject | undefined)?.content as
    | Record<string, JsonObject>
    | undefined;
  const json = body?.["application/json"];
  if (json && json.example === undefined) {
    json.example = written.request ?? sampleOf((json.schema ?? {}) as JsonObject, schemas);
  }
  for (const [status, response] of Object.entries(
    (operation.responses ?? {}) as Record<string, JsonObject>,
  )) {
    const media = (response.content as Record<string, JsonObject> | undefined)?.[
      "application/json"
    ];
    if (!media || media.example !== undefined) continue;
    const answer = status.startsWith("2") ? written.response : undefined;
    media.example = answer ?? sampleOf((media.schema ?? {}) as JsonObject, schemas);
  }
}
