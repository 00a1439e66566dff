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
