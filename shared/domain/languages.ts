/** The languages Wattfolio writes to people in; a user chooses one, English otherwise. */
export const LANGUAGES = ["en", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The locale of each language's dates and numbers: `30 Nov 2026`, `30 nov 2026`, `12.500`. */
export const LOCALES: Record<Language, string> = { en: "en-GB", es: "es-ES" };

/** Each language in its own words, as a language switch offers it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", es: "Español" };

export function isLanguage(value: unknown): value is Language {
  return value === "en" || value === "es";
}

/**
 * The cookie that keeps the language chosen on a browser: the web app writes it, and the server
 * reads it to send the page in that language, its messages alone preloaded.
 */
export const LANGUAGE_COOKIE = "wattfolio.language";

/** The language a Cookie header (or `document.cookie`) keeps, if any. */
export function languageInCookie(cookie: string | undefined): Language | undefined {
  const kept = cookie
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LANGUAGE_COOKIE)?.[1];
  return isLanguage(kept) ? kept : undefined;
}

/** A stored or asked-for language; anything Wattfolio does not speak reads as English. */
export function languageOf(value: unknown): Language {
  return isLanguage(value) ? value : "en";
}

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
