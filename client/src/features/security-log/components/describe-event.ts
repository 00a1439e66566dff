/** Each kind of security event as a sentence people read, and its change as before → after. */
import type { SecurityEvent } from "@shared/api/security-log.ts";
import { USER_TYPE_MEANINGS, type UserType } from "@shared/domain/people.ts";
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from "@shared/domain/security-log.ts";

/** What the event says, after who did it: "invited ana@example.com". */
const WHAT: Record<SecurityEventKind, { label: string; sentence: (subject: string) => string }> = {
  sign_in_succeeded: { label: "Signed in", sentence: () => "signed in" },
  sign_in_failed: { label: "Sign-in failed", sentence: (s) => `failed to sign in as ${s}` },
  invitation_sent: { label: "Invitation sent", sentence: (s) => `invited ${s}` },
  invitation_resent: {
    label: "Invitation resent",
    sentence: (s) => `sent the invitation to ${s} again`,
  },
  invitation_accepted: {
    label: "Invitation accepted",
    sentence: () => "accepted their invitation",
  },
  invitation_revoked: {
    label: "Invitation revoked",
    sentence: (s) => `revoked the invitation to ${s}`,
  },
  role_changed: { label: "Role changed", sentence: (s) => `changed the role of ${s}` },
  access_granted: { label: "Access granted", sentence: (s) => `gave ${s} access to an account` },
  access_revoked: { label: "Access revoked", sentence: (s) => `took away an account from ${s}` },
  user_deactivated: { label: "User deactivated", sentence: (s) => `deactivated ${s}` },
  user_reactivated: { label: "User reactivated", sentence: (s) => `reactivated ${s}` },
  profile_changed: { label: "Profile changed", sentence: () => "changed their profile" },
  password_changed: { label: "Password changed", sentence: () => "changed their password" },
  password_reset_requested: {
    label: "Password reset asked for",
    sentence: (s) => `asked for a password reset link for ${s}`,
  },
  password_reset: { label: "Password reset", sentence: () => "reset their password by e-mail" },
  sessions_ended: {
    label: "Other sessions ended",
    sentence: () => "signed out their other sessions",
  },
  api_key_created: { label: "API key created", sentence: (s) => `created the API key ${s}` },
  api_key_revoked: { label: "API key revoked", sentence: (s) => `revoked the API key ${s}` },
  auto_approval_rule_changed: {
    label: "Auto-approval rule changed",
    sentence: (s) => `changed the auto-approval rule for ${s.replaceAll("_", " ")}`,
  },
  test_clock_moved: { label: "Test clock moved", sentence: () => "moved the test clock forward" },
  partner_created: { label: "Partner created", sentence: (s) => `created the partner ${s}` },
  partner_changed: { label: "Partner changed", sentence: (s) => `changed the partner ${s}` },
  partner_suspended: { label: "Partner suspended", sentence: (s) => `suspended the partner ${s}` },
  partner_reinstated: {
    label: "Partner reinstated",
    sentence: (s) => `reinstated the partner ${s}`,
  },
  catalogue_entry_created: {
    label: "Catalogue entry added",
    sentence: (s) => `added ${s} to the catalogue`,
  },
  catalogue_entry_renamed: {
    label: "Catalogue entry renamed",
    sentence: (s) => `renamed ${s} in the catalogue`,
  },
  catalogue_entry_retired: {
    label: "Catalogue entry retired",
    sentence: (s) => `retired ${s} from the catalogue`,
  },
  catalogue_entry_restored: {
    label: "Catalogue entry restored",
    sentence: (s) => `brought ${s} back into the catalogue`,
  },
};

export const KIND_OPTIONS = SECURITY_EVENT_KINDS.map((kind) => ({
  value: kind,
  label: WHAT[kind].label,
}));

/**
 * "Ana Ruiz invited bob@example.com." Without an actor: "Someone" for sign-ins and reset requests
 * (anyone may try), "Wattfolio" for what the command line or the system did.
 */
export function describeEvent(event: SecurityEvent): string {
  const who =
    event.actor?.name ??
    (event.kind.startsWith("sign_in") || event.kind.startsWith("password_reset")
      ? "Someone"
      : "Wattfolio");
  return `${who} ${WHAT[event.kind].sentence(event.subject ?? "—")}.`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One value as a reader wants it: a user type by its label, a named thing by its name. */
function showValue(key: string, value: unknown): string {
  if (key === "userType" && typeof value === "string" && value in USER_TYPE_MEANINGS) {
    return USER_TYPE_MEANINGS[value as UserType].label;
  }
  if (typeof value === "object" && value !== null) {
    return "name" in value ? String(value.name) : JSON.stringify(value);
  }
  return String(value);
}

/** "userType" → "user type". */
const words = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

/** The facts worth reading: ids and empty values say nothing to a person. */
function factsOf(value: object): string {
  return Object.entries(value)
    .filter(([, inner]) => inner !== null && inner !== undefined)
    .filter(([, inner]) => !(typeof inner === "string" && UUID.test(inner)))
    .map(([key, inner]) => `${words(key)}: ${showValue(key, inner)}`)
    .join(", ");
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value !== "object") return String(value);
  return factsOf(value) || "none";
}

/**
 * "enabled: false → enabled: true" where the event kept a before and an after; else its facts
 * ("reason: Invalid email or password"), or null when it has none.
 */
export function detailOf(
  event: SecurityEvent,
): { before: string; after: string } | { facts: string } | null {
  if ("before" in event.detail && "after" in event.detail) {
    return { before: show(event.detail.before), after: show(event.detail.after) };
  }
  const facts = factsOf(event.detail);
  return facts ? { facts } : null;
}
