/** PostgreSQL's error codes for violated constraints; PGlite and node-postgres report them alike, Drizzle wraps them. */
const UNIQUE_VIOLATION = "23505";
const CHECK_VIOLATION = "23514";

function violatedConstraint(error: unknown, code: string): string | undefined {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    const candidate = current as { code?: unknown; constraint?: unknown };
    if (candidate.code === code) return String(candidate.constraint ?? "");
  }
  return undefined;
}

/** The name of the unique constraint an error violated, if that is what it is. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  return violatedConstraint(error, UNIQUE_VIOLATION);
}

/** The name of the check constraint an error violated, if that is what it is. */
export function violatedCheckConstraint(error: unknown): string | undefined {
  return violatedConstraint(error, CHECK_VIOLATION);
}

/**
 * Connection-level failures: PostgreSQL is down, restarting or refusing connections, or the
 * connection was cut. The request may be retried once the database is back.
 */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01", // admin_shutdown: the backend was terminated
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or shutting down
  "53300", // too_many_connections
]);

const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) {
      return true;
    }
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnavailable))
      return true;
  }
  return false;
}

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22): a value the database cannot store or compare,
 * such as text with NUL (22021), a number out of range (22003) or an id that is no uuid (22P02).
 * The request, not the server, is at fault. Returns the SQLSTATE, or undefined for other errors.
 */
export function dataExceptionOf(error: unknown): string | undefined {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    const { code } = current as { code?: unknown };
    if (typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code)) return code;
  }
  return undefined;
}
