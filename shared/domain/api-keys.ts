/**
 * API keys of integrations: what a key reaches, and how its use is recorded without writing to the
 * database on every request.
 */

/** Every account (a platform-wide key), every account of one partner, or one account. */
export type ApiKeyScope =
  | { kind: "platform" }
  | { kind: "partner"; partnerId: string }
  | { kind: "account"; partnerId: string; accountId: string };

/** Secrets start with this, so that a leaked one is recognisable (e.g. by secret scanners). */
export const API_KEY_PREFIX = "wfk_";

/** How many characters of a secret lists show, prefix included: enough to tell keys apart. */
const API_KEY_SHOWN_LENGTH = API_KEY_PREFIX.length + 8;

/** "Last used" is accurate to the minute: a key in use writes at most once a minute. */
export const LAST_USED_PRECISION_MS = 60_000;

/**
 * How long a server remembers that a key is valid before asking the database again: a revoked key
 * is refused by every server within this time, and at once by the server that revoked it.
 */
export const KEY_VERIFICATION_TTL_MS = 5_000;

/** The scope a key row stands for: no partner is platform-wide; a partner and an account is one account. */
export function scopeOf(key: { partnerId: string | null; accountId: string | null }): ApiKeyScope {
  if (key.partnerId === null) return { kind: "platform" };
  if (key.accountId === null) return { kind: "partner", partnerId: key.partnerId };
  return { kind: "account", partnerId: key.partnerId, accountId: key.accountId };
}

/** Whether a use at `now` should be written, given when a use was last written. */
export function isUseWorthRecording(lastRecordedAt: Date | null, now: Date): boolean {
  return (
    lastRecordedAt === null || now.getTime() - lastRecordedAt.getTime() >= LAST_USED_PRECISION_MS
  );
}

/** The part of a secret that may be shown again after creation. */
export function shownPart(secret: string): string {
  return secret.slice(0, API_KEY_SHOWN_LENGTH);
}
