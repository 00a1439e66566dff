/**
 * The catalogue of every sentence Wattfolio shows or sends, in English and Spanish, as ICU messages
 * (plurals and choices live inside the message, so both languages have exactly the same keys).
 * Each area of the product keeps its messages in one file of ./messages, both languages side by side.
 */
import type { Language } from "../domain/languages.ts";

export type Messages<K extends string = string> = Record<Language, Record<K, string>>;

/** One area's messages: Spanish must have exactly English's keys, or `npm run check` fails. */
export function defineMessages<const T extends Record<string, string>>(
  en: T,
  es: { readonly [K in keyof T]: string },
): Messages<keyof T & string> {
  return { en, es };
}

type KeysOf<M> = M extends Messages<infer K> ? K : never;

/** The areas as one catalogue; two areas may not claim the same key. */
export function mergeMessages<const A extends Messages[]>(
  ...areas: A
): Messages<KeysOf<A[number]>> {
  const merged: Messages = { en: {}, es: {} };
  for (const area of areas) {
    for (const language of ["en", "es"] as const) {
      for (const [key, message] of Object.entries(area[language])) {
        if (key in merged[language]) throw new Error(`Two areas define the message ${key}`);
        merged[language][key] = message;
      }
    }
  }
  return merged as Messages<KeysOf<A[number]>>;
}
