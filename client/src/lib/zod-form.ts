/**
 * What the forms share: the shared zod schema decides what is valid, these helpers carry its
 * messages to the fields and read the inputs the way the schema expects them.
 */
import type { Catalogue } from "@shared/api/catalogue.ts";
import type { FieldError } from "@shared/errors.ts";
import type { z } from "zod";
import { localise } from "./api.ts";
import type { Translate } from "./i18n.tsx";

/**
 * The first message of each field, keyed without `prefix` (e.g. `payload.`) where it starts so, in
 * the language on screen (the schemas and the domain write English).
 */
export function firstMessages(errors: readonly FieldError[], prefix = ""): Record<string, string> {
  const found: Record<string, string> = {};
  for (const { field, message } of errors) {
    found[prefix && field.startsWith(prefix) ? field.slice(prefix.length) : field] ??=
      localise(message);
  }
  return found;
}

/** Zod issues as form errors: the first message of each field, keyed by its dotted path. */
export function formErrorsOf(error: z.ZodError, prefix = ""): Record<string, string> {
  const errors = error.issues.map((issue) => ({
    field: issue.path.map(String).join("."),
    message: issue.message,
  }));
  return firstMessages(errors, prefix);
}

/** A form's `validate`: the values as the schema reads them, checked by the schema itself. */
export function validateWith<Values>(schema: z.ZodType, inputOf: (values: Values) => unknown) {
  return (values: Values): Record<string, string> => {
    const checked = schema.safeParse(inputOf(values));
    return checked.success ? {} : formErrorsOf(checked.error);
  };
}

/** A NumberInput holds "" until a number is typed: that is no number for the schema. */
export const numberOf = (value: number | string) => (typeof value === "number" ? value : undefined);

/** Counts (datapoints, meters, credits): whole numbers, never clamped behind the user's back. */
export const wholeNumber = {
  allowDecimal: false,
  allowNegative: false,
  clampBehavior: "none",
} as const;

/** The Select value that stands for "no Bill Management licence". */
const NONE = "none";

/** The Bill Management licence types to choose from, "None" (in the user's language) first. */
export function billManagementTypeOptions(t: Translate, catalogue: Catalogue | undefined) {
  return [
    { value: NONE, label: t("common.none") },
    ...(catalogue?.billManagementTypes ?? []).map((type) => ({ value: type.id, label: type.name })),
  ];
}

/** The Select's value for a type id, or for none. */
export const billManagementTypeValue = (id: string | null | undefined): string => id ?? NONE;

/** The type id the schemas expect: null for none. */
export const billManagementTypeIdOf = (value: string): string | null =>
  value === NONE ? null : value;
