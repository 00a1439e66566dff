/** The languages Wattfolio writes to people in; a user chooses one, English otherwise. */
export const LANGUAGES = ["en", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Countries where Spanish is the official language (ISO 3166-1 alpha-2). */
const SPANISH_SPEAKING = new Set(
  "AR BO CL CO CR CU DO EC ES GQ GT HN MX NI PA PE PR PY SV UY VE".split(" "),
);

/**
 * The language to write in to someone known only by an e-mail address on an account (its billing
 * contact): the language of the account's country if Wattfolio speaks it, else English.
 */
export function languageOfCountry(country: string): Language {
  return SPANISH_SPEAKING.has(country.toUpperCase()) ? "es" : "en";
}
