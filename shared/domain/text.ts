/**
 * Text as people type it: one set of rules for every free-text input of the API and of the web
 * app's forms. What no one types and no one can see is refused, each with a message the form shows
 * beside the field:
 * - NUL and the other control characters (PostgreSQL cannot store NUL; the others hide in logs and
 *   e-mail subjects). A comment may run over several lines, so tab and line breaks are allowed there.
 * - Lone surrogates: half of a character (of an emoji, say) that no encoding can carry.
 * - In names, the characters that turn the direction of the text around them (U+202A–U+202E,
 *   U+2066–U+2069), which make a name read as something else than it is.
 *
 * `text()` is a string schema to go on with (`text("name").trim().min(1, …).max(120, …)`);
 * `plainText()` adds the same rules to another string schema, such as `z.email()`.
 */
import { z } from "zod";

/** A single line (searches, ids), a name of something people tell apart, or several lines (comments). */
export type TextKind = "line" | "name" | "multiline";

interface Rule {
  refused: RegExp;
  message: string;
}

const CONTROL_OR_LINE_BREAK: Rule = {
  refused: /[\p{Cc}\u2028\u2029]/u,
  message: "Remove the line break or invisible control character",
};
const CONTROL: Rule = {
  refused: /(?![\t\n\r])\p{Cc}/u,
  message: "Remove the invisible control character",
};
const LONE_SURROGATE: Rule = {
  // With the u flag a well-formed pair is one code point; only half a pair is a surrogate.
  refused: /\p{Cs}/u,
  message: "Remove the broken character (half of an emoji or symbol) and type it again",
};
const DIRECTION_CONTROL: Rule = {
  refused: /[\u202A-\u202E\u2066-\u2069]/u,
  message: "Remove the invisible character that turns the direction of the text",
};

const RULES: Record<TextKind, readonly Rule[]> = {
  line: [LONE_SURROGATE, CONTROL_OR_LINE_BREAK],
  name: [LONE_SURROGATE, CONTROL_OR_LINE_BREAK, DIRECTION_CONTROL],
  multiline: [LONE_SURROGATE, CONTROL],
};

/** The first rule `value` breaks, if any: its message. */
export function textProblem(value: string, kind: TextKind = "line"): string | undefined {
  return RULES[kind].find((rule) => rule.refused.test(value))?.message;
}

/** The rules of `kind` as a check for any string schema: `z.email().check(plainText("line"))`. */
export function plainText(kind: TextKind = "line") {
  return z.superRefine<string>((value, ctx) => {
    const message = textProblem(value, kind);
    if (message) ctx.addIssue({ code: "custom", message });
  });
}

/** A string of `kind`; `error` is the message when it is missing or not a string at all. */
export function text(kind: TextKind = "line", error?: string) {
  return z.string(error).check(plainText(kind));
}
