/**
 * The schemas and the server write their messages in English (field messages, problem titles and
 * details); the catalogue's validation area (messages/validation.ts) holds each one with its
 * Spanish. This finds the message an English text is, with the values filled into it, so that it
 * can be written again in the reader's language. A text it does not know is left as it is.
 */
import type { Language } from "../domain/languages.ts";
import { escapeRegExp } from "../regexp.ts";
import type { MessageKey, MessageValues, Translate } from "./catalogue.ts";
import { validation } from "./messages/validation.ts";

interface Pattern {
  key: MessageKey;
  /** Each placeholder's name, and whether it is a number (`{max, number}`). */
  names: { name: string; number: boolean }[];
  pattern: RegExp;
}

/** `{name}` and `{name, number}`: the only placeholders the validation area's English uses. */
const PLACEHOLDER = /\{(\w+)(?:,\s*number)?\}/g;
const NAMED = /\{(\w+)(,\s*number)?\}/g;

/** The literal parts of an English message, around its placeholders. */
export function literalParts(message: string): string[] {
  return message.split(PLACEHOLDER).filter((_, index) => index % 2 === 0);
}

let exact: Map<string, MessageKey> | undefined;
let patterns: Pattern[] | undefined;

function index(): { exact: Map<string, MessageKey>; patterns: Pattern[] } {
  if (!exact || !patterns) {
    exact = new Map();
    patterns = [];
    for (const [key, message] of Object.entries(validation.en)) {
      const names = [...message.matchAll(NAMED)].map((match) => ({
        name: match[1] as string,
        number: match[2] !== undefined,
      }));
      if (names.length === 0) {
        exact.set(message, key as MessageKey);
        continue;
      }
      const source = message
        .split(PLACEHOLDER)
        .map((part, i) => (i % 2 === 0 ? escapeRegExp(part) : "(.+?)"))
        .join("");
      patterns.push({ key: key as MessageKey, names, pattern: new RegExp(`^${source}$`, "s") });
    }
  }
  return { exact, patterns };
}

/** An English number as the server writes it (`1,000`, `20`, `-5`), or undefined. */
function numberOf(text: string): number | undefined {
  return /^-?\d{1,3}(,\d{3})+$|^-?\d+$/.test(text) ? Number(text.replaceAll(",", "")) : undefined;
}

/** The validation message `text` is, with the values it was filled with; undefined if none. */
export function messageOf(text: string): { key: MessageKey; values: MessageValues } | undefined {
  const { exact, patterns } = index();
  const key = exact.get(text);
  if (key) return { key, values: {} };
  for (const { key, names, pattern } of patterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    const values: MessageValues = {};
    names.forEach(({ name, number }, i) => {
      const value = match[i + 1] as string;
      values[name] = (number ? numberOf(value) : undefined) ?? value;
    });
    return { key, values };
  }
  return undefined;
}

/**
 * `text` in `language` (which `translate` writes), when it is a message of the validation area;
 * else `text` unchanged. A value that is itself such a message (a field's label) is translated too.
 * English comes out exactly as it was written.
 */
export function localiseWith(text: string, language: Language, translate: Translate): string {
  if (language === "en") return text;
  const found = messageOf(text);
  if (!found) return text;
  const { exact } = index();
  const values: MessageValues = {};
  for (const [name, value] of Object.entries(found.values)) {
    const label = typeof value === "string" ? exact.get(value) : undefined;
    values[name] = label ? translate(label) : value;
  }
  return translate(found.key, values);
}
