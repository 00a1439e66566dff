/** Each kind of security event as a sentence people read, and its change as before → after. */
import type { SecurityEvent } from "@shared/api/security-log.ts";
import { APPLICATION_KINDS } from "@shared/domain/applications.ts";
import { USER_TYPES } from "@shared/domain/people.ts";
import { SECURITY_EVENT_KINDS } from "@shared/domain/security-log.ts";
import type { Format } from "../../../lib/format.ts";
import type { Translate } from "../../../lib/i18n.tsx";

/** Every kind of event by its name, for the log's filter. */
export function kindOptions(t: Translate): { value: string; label: string }[] {
  return SECURITY_EVENT_KINDS.map((kind) => ({
    value: kind,
    label: t(`securityLog.kind.${kind}`),
  }));
}

/** "new_account" → "new account": a name the catalogue does not know yet, as words. */
const spaced = (key: string) => key.replaceAll("_", " ");

/** What it was done to: an auto-approval rule's subject is an application kind, named. */
function subjectOf(event: SecurityEvent, t: Translate): string {
  const subject = event.subject ?? "—";
  if (event.kind !== "auto_approval_rule_changed") return subject;
  const known = APPLICATION_KINDS.some((kind) => kind === subject);
  return known
    ? t("securityLog.applicationKind", { kind: subject, words: spaced(subject) })
    : spaced(subject);
}

/**
 * "Ana Ruiz invited bob@example.com." Without an actor: "Someone" for sign-ins and reset requests
 * (anyone may try), "Wattfolio" for what the command line or the system did.
 */
export function describeEvent(event: SecurityEvent, t: Translate): string {
  const who =
    event.actor?.name ??
    (event.kind.startsWith("sign_in") || event.kind.startsWith("password_reset")
      ? t("securityLog.someone")
      : "Wattfolio");
  return t(`securityLog.event.${event.kind}`, { who, subject: subjectOf(event, t) });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** How one value reads: user types by name, instants and numbers as the reader writes them. */
interface Reader {
  t: Translate;
  format: Format;
}

function userTypeOf(value: unknown) {
  return USER_TYPES.find((type) => type === value);
}

/** One value as a reader wants it: a user type by its label, a named thing by its name. */
function showValue(key: string, value: unknown, { t, format }: Reader): string {
  const userType = key === "userType" ? userTypeOf(value) : undefined;
  if (userType) return t(`userType.${userType}`);
  if (typeof value === "boolean") return t("securityLog.detail.boolean", { value: String(value) });
  if (typeof value === "number") return format.number(value);
  if (typeof value === "string" && INSTANT.test(value)) return format.dateTime(value);
  if (typeof value === "object" && value !== null) {
    return "name" in value ? String(value.name) : JSON.stringify(value);
  }
  return String(value);
}

/** "userType" → "user type", in the reader's words where the log knows the field. */
const fieldName = (key: string, t: Translate) =>
  t("securityLog.detail.field", {
    field: key,
    words: key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase(),
  });

/** The facts worth reading: ids and empty values say nothing to a person. */
function factsOf(value: object, reader: Reader): string {
  return Object.entries(value)
    .filter(([, inner]) => inner !== null && inner !== undefined)
    .filter(([, inner]) => !(typeof inner === "string" && UUID.test(inner)))
    .map(([key, inner]) => `${fieldName(key, reader.t)}: ${showValue(key, inner, reader)}`)
    .join(", ");
}

/** A before or an after; a role change keeps the bare user type. */
function show(value: unknown, kind: SecurityEvent["kind"], reader: Reader): string {
  const none = reader.t("securityLog.detail.none");
  if (value === null || value === undefined) return none;
  if (typeof value !== "object") {
    return showValue(kind === "role_changed" ? "userType" : "", value, reader);
  }
  return factsOf(value, reader) || none;
}

/**
 * "enabled: false → enabled: true" where the event kept a before and an after; else its facts
 * ("reason: Invalid email or password"), or null when it has none.
 */
export function detailOf(
  event: SecurityEvent,
  t: Translate,
  format: Format,
): { before: string; after: string } | { facts: string } | null {
  const reader = { t, format };
  if ("before" in event.detail && "after" in event.detail) {
    return {
      before: show(event.detail.before, event.kind, reader),
      after: show(event.detail.after, event.kind, reader),
    };
  }
  const facts = factsOf(event.detail, reader);
  return facts ? { facts } : null;
}
