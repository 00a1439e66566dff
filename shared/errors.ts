/**
 * The error catalogue: every refusal the API can give has a stable code here.
 * The HTTP status of each code is decided once, in server/errors.ts.
 */
export const ERROR_CODES = [
  "BAD_REQUEST",
  "VALIDATION_FAILED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "REQUEST_TIMEOUT",
  "URI_TOO_LONG",
  "HEADERS_TOO_LARGE",
  "CROSS_SITE_REQUEST",
  "RATE_LIMITED",
  "ACCOUNT_NAME_TAKEN",
  "PARTNER_NAME_TAKEN",
  "CATALOGUE_CODE_TAKEN",
  "LAST_CUSTOMER_SUCCESS_USER",
  "ACCOUNT_EXPIRED",
  "APPLICATION_ALREADY_PENDING",
  "APPLICATION_NOT_PENDING",
  "APPLICATION_NO_LONGER_VALID",
  "QUOTA_EXCEEDED",
  "INSUFFICIENT_SMS_CREDITS",
  "EMAIL_ALREADY_IN_USE",
  "INVITATION_EXPIRED",
  "LAST_SUPER_ADMIN",
  "IDEMPOTENCY_KEY_REUSED",
  "IDEMPOTENCY_KEY_IN_USE",
  "PRECONDITION_FAILED",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "INTERNAL",
  "SERVICE_UNAVAILABLE",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path of the field in the request body or query, e.g. `rtcLines`. */
  field: string;
  message: string;
}

/** Schema issues (zod's) as field errors: the dotted path of the field and the message. */
export function fieldErrorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldError[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join("."),
    message: issue.message,
  }));
}
