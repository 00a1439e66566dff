/**
 * Refusals as RFC 9457 problem details. Each code of the error catalogue has exactly one HTTP
 * status, decided in this table; server errors never show their message to the client. Use cases
 * throw a Problem; only the app's problem handler knows about HTTP replies.
 */
import { z } from "zod";
import type { ErrorCode, FieldError } from "../shared/errors.ts";

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CROSS_SITE_REQUEST: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  ACCOUNT_NAME_TAKEN: 409,
  PARTNER_NAME_TAKEN: 409,
  CATALOGUE_CODE_TAKEN: 409,
  LAST_CUSTOMER_SUCCESS_USER: 409,
  ACCOUNT_EXPIRED: 409,
  APPLICATION_ALREADY_PENDING: 409,
  APPLICATION_NOT_PENDING: 409,
  APPLICATION_NO_LONGER_VALID: 409,
  QUOTA_EXCEEDED: 409,
  INSUFFICIENT_SMS_CREDITS: 409,
  EMAIL_ALREADY_IN_USE: 409,
  INVITATION_EXPIRED: 410,
  LAST_SUPER_ADMIN: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_KEY_IN_USE: 409,
  PRECONDITION_FAILED: 412,
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
  METHOD_NOT_ALLOWED: "Method not allowed",
  REQUEST_TIMEOUT: "Request too slow",
  URI_TOO_LONG: "Address too long",
  HEADERS_TOO_LARGE: "Request headers too large",
  ACCOUNT_NAME_TAKEN: "Account name already in use",
  PARTNER_NAME_TAKEN: "Partner name already in use",
  CATALOGUE_CODE_TAKEN: "Catalogue code already in use",
  LAST_CUSTOMER_SUCCESS_USER: "The last active Customer Success user",
  ACCOUNT_EXPIRED: "Account expired",
  APPLICATION_ALREADY_PENDING: "An application of this kind is already pending",
  APPLICATION_NOT_PENDING: "Application already decided",
  APPLICATION_NO_LONGER_VALID: "Application no longer fits the account",
  QUOTA_EXCEEDED: "Not enough datapoints left",
  INSUFFICIENT_SMS_CREDITS: "Not enough SMS credits",
  EMAIL_ALREADY_IN_USE: "E-mail address already in use",
  INVITATION_EXPIRED: "Invitation expired",
  LAST_SUPER_ADMIN: "The partner's last SuperAdmin",
  IDEMPOTENCY_KEY_REUSED: "Idempotency key already used for another request",
  IDEMPOTENCY_KEY_IN_USE: "A request with this idempotency key is still running",
  PRECONDITION_FAILED: "Changed since it was read",
  PAYLOAD_TOO_LARGE: "Request too large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
  RATE_LIMITED: "Too many attempts",
  INTERNAL: "Something went wrong on our side",
  SERVICE_UNAVAILABLE: "Service unavailable",
};

/** What a client reads when the fault is ours; the error itself goes to the log only. */
const INTERNAL_DETAIL = "The request could not be completed. It has been logged.";

/** The codes a refusal known only by its HTTP status can have: they say no more than the status. */
const GENERIC_CODES: ErrorCode[] = [
  "BAD_REQUEST",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "REQUEST_TIMEOUT",
  "URI_TOO_LONG",
  "HEADERS_TOO_LARGE",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "RATE_LIMITED",
  "SERVICE_UNAVAILABLE",
];

/** The catalogue code of a refusal known only by its HTTP status (Fastify's own, better-auth's). */
export function codeForStatus(status: number): ErrorCode {
  const known = GENERIC_CODES.find((code) => STATUS[code] === status);
  if (known) return known;
  return status >= 400 && status < 500 ? "BAD_REQUEST" : "INTERNAL";
}

/** A refusal a use case or handler throws; the problem handler turns it into problem+json. */
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
    detail: code === "INTERNAL" ? INTERNAL_DETAIL : detail,
    code,
    ...(errors.length > 0 ? { errors } : {}),
  };
}
