import type { z } from "zod";

/** Zod issues as form errors: the first message of each field, keyed by its dotted path. */
export function formErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    errors[path] ??= issue.message;
  }
  return errors;
}
