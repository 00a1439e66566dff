/** PostgreSQL's unique-violation code; PGlite and node-postgres report it alike, Drizzle wraps it. */
const UNIQUE_VIOLATION = "23505";

/** The name of the unique constraint an error violated, if that is what it is. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    const candidate = current as { code?: unknown; constraint?: unknown };
    if (candidate.code === UNIQUE_VIOLATION) return String(candidate.constraint ?? "");
  }
  return undefined;
}
