/**
 * Refusals as RFC 9457 problem details. Each error code of the catalogue has exactly one HTTP status,
 * decided in this table; server errors never show their message to the client.
 */
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ErrorCode, FieldError } from "../../shared/errors.ts";

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CROSS_SITE_REQUEST: 403,
  NOT_FOUND: 404,
  ACCOUNT_NAME_TAKEN: 409,
  ACCOUNT_EXPIRED: 409,
  APPLICATION_ALREADY_PENDING: 409,
  APPLICATION_NOT_PENDING: 409,
  APPLICATION_NO_LONGER_VALID: 409,
  QUOTA_EXCEEDED: 409,
  INSUFFICIENT_SMS_CREDITS: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
};

const TITLE: Record<ErrorCode, string> = {
  BAD_REQUEST: "Bad request",
  VALIDATION_FAILED: "Some fields are not valid",
  UNAUTHENTICATED: "Sign in first",
  FORBIDDEN: "Not allowed",
  CROSS_SITE_REQUEST: "Cross-site request refused",
  NOT_FOUND: "Not found",
  ACCOUNT_NAME_TAKEN: "Account name already in use",
  ACCOUNT_EXPIRED: "Account expired",
  APPLICATION_ALREADY_PENDING: "An application of this kind is already pending",
  APPLICATION_NOT_PENDING: "Application already decided",
  APPLICATION_NO_LONGER_VALID: "Application no longer fits the account",
  QUOTA_EXCEEDED: "Not enough datapoints left",
  INSUFFICIENT_SMS_CREDITS: "Not enough SMS credits",
  IDEMPOTENCY_KEY_REUSED: "Idempotency key already used for another request",
  PAYLOAD_TOO_LARGE: "Request too large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
  RATE_LIMITED: "Too many attempts",
  INTERNAL: "Something went wrong on our side",
  SERVICE_UNAVAILABLE: "Service unavailable",
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

/** A refusal a use case or handler throws; the error handler turns it into problem+json. */
export class Problem extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[];
  readonly extensions: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    detail: string,
    options: { errors?: FieldError[]; extensions?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.code = code;
    this.errors = options.errors ?? [];
    this.extensions = options.extensions ?? {};
  }
}

export const notFound = (what: string) => new Problem("NOT_FOUND", `No ${what} with that id.`);

export const problemDocument = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .loose()
  .meta({ id: "Problem" });

export type ProblemDocument = z.infer<typeof problemDocument>;

export function toDocument(
  code: ErrorCode,
  detail: string,
  errors: FieldError[] = [],
  extensions: Record<string, unknown> = {},
): ProblemDocument {
  // Extensions come first so that they can never overwrite the standard members.
  return {
    ...extensions,
    type: `urn:wattfolio:problem:${code.toLowerCase().replaceAll("_", "-")}`,
    title: TITLE[code],
    status: STATUS[code],
    detail,
    code,
    ...(errors.length > 0 ? { errors } : {}),
  };
}

function fieldErrorsOf(error: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  return error.validation.map((issue) => ({
    field:
      issue.instancePath.replace(/^\//, "").replaceAll("/", ".") ||
      String(issue.params?.missingProperty ?? ""),
    message: issue.message ?? "Invalid value",
  }));
}

function fromFastifyError(error: FastifyError): ProblemDocument {
  if (error instanceof Problem)
    return toDocument(error.code, error.message, error.errors, error.extensions);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = fieldErrorsOf(error);
    const where = error.validationContext ?? "request";
    return toDocument(
      "VALIDATION_FAILED",
      `The ${where} has ${errors.length} invalid field(s).`,
      errors,
    );
  }
  switch (error.statusCode) {
    case 413:
      return toDocument("PAYLOAD_TOO_LARGE", error.message);
    case 415:
      return toDocument("UNSUPPORTED_MEDIA_TYPE", error.message);
    case 429:
      return toDocument("RATE_LIMITED", error.message);
    default:
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return toDocument("BAD_REQUEST", error.message);
      }
      return toDocument("INTERNAL", "The request could not be completed. It has been logged.");
  }
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const document = fromFastifyError(error);
    if (document.status >= 500) request.log.error({ err: error }, "request failed");
    return reply.status(document.status).type("application/problem+json").send(document);
  });
}
