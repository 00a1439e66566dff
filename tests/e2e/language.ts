/**
 * The journeys read as English and run in both languages: `tr("Sign in")` is the words the page
 * shows in the language of the running project ("Iniciar sesión" in the Spanish one), found through
 * the one catalogue the app itself is written from.
 */
import { createIntl, createIntlCache } from "@formatjs/intl";
import { test } from "@playwright/test";
import { type Language, LOCALES } from "../../shared/domain/languages.ts";
import { catalogue, type MessageKey, type MessageValues } from "../../shared/i18n/catalogue.ts";
import { escapeRegExp } from "../../shared/regexp.ts";

export { escapeRegExp };

const cache = createIntlCache();
const intlOf = (language: Language) =>
  createIntl({ locale: LOCALES[language], messages: catalogue[language] }, cache);

/** The language of the running project (`metadata.language`), English by default. */
export function language(): Language {
  return test.info().project.metadata?.language === "es" ? "es" : "en";
}

/** A message by its key, in the project's language (or in `inLanguage`). */
export function t(key: MessageKey, values?: MessageValues, inLanguage = language()): string {
  return intlOf(inLanguage).formatMessage({ id: key }, values);
}

const keysByEnglish = new Map<string, MessageKey[]>();
for (const [key, english] of Object.entries(catalogue.en) as [MessageKey, string][]) {
  keysByEnglish.set(english, [...(keysByEnglish.get(english) ?? []), key]);
}

/**
 * The English message `english` (with its placeholders, e.g. "Approve {name}") as the page shows it
 * in the project's language. It must be one message of the catalogue, or mean one thing only.
 */
export function tr(english: string, values?: MessageValues, inLanguage = language()): string {
  const keys = keysByEnglish.get(english);
  if (!keys) throw new Error(`No message of the catalogue reads "${english}"`);
  const written = new Set(keys.map((key) => t(key, values, inLanguage)));
  if (written.size > 1) {
    throw new Error(`"${english}" is translated ${[...written].join(" / ")}: use t(key)`);
  }
  return [...written][0] as string;
}

/** A regular expression that matches `tr(english)` exactly, whole (for names and headings). */
export function exactly(english: string, values?: MessageValues): RegExp {
  return new RegExp(`^${escapeRegExp(tr(english, values))}$`);
}

/** A regular expression for text that begins as `tr(english)` does, up to its first placeholder. */
export function beginsWith(english: string): RegExp {
  const marker = "\u0000";
  const names = [...english.matchAll(/\{(\w+)/g)].map((m) => m[1] as string);
  const written = tr(english, Object.fromEntries(names.map((name) => [name, marker])));
  return new RegExp(`^${escapeRegExp(written.split(marker)[0] as string)}`);
}

/** A number as the project's language writes it: 1,200 or 1200, 12,500 or 12.500. */
export function num(value: number): string {
  return new Intl.NumberFormat(LOCALES[language()]).format(value);
}
