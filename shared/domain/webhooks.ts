/**
 * Webhooks, the rules both rooms share: where an endpoint may be, when a failed delivery is tried
 * again, and when an endpoint that keeps failing is turned off.
 */

/**
 * The waits before each retry of a delivery, after attempt 1, 2, …: the Standard Webhooks
 * reference schedule, cut short. Seven attempts over about 17.5 hours; then the delivery is failed.
 */
export const WEBHOOK_RETRY_DELAYS_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 60 * 60_000,
  5 * 60 * 60_000,
  10 * 60 * 60_000,
] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;

/** The moment of the next attempt after attempt number `attempts` failed at `failedAt`, or null to give up. */
export function nextWebhookAttempt(attempts: number, failedAt: Date): Date | null {
  const delay = WEBHOOK_RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}

/**
 * Deliveries failed for good in a row (each after all its retries, so at least a day of failing)
 * after which an endpoint is disabled and its owners are told.
 */
export const WEBHOOK_DISABLE_AFTER_FAILURES = 5;

/** How long the previous secret keeps signing alongside the new one after a rotation. */
export const WEBHOOK_PREVIOUS_SECRET_MS = 24 * 60 * 60_000;

/** How much of an endpoint's answer is kept with each attempt. */
export const WEBHOOK_RESPONSE_EXCERPT_CHARS = 500;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Why a URL cannot be an endpoint, or null when it can: HTTPS only, without credentials in it.
 * Plain HTTP is accepted for this machine only (localhost, 127.0.0.1, ::1) and only where local
 * HTTP is allowed (development and tests by default), for a receiver running beside Wattfolio.
 */
export function webhookUrlProblem(
  value: string,
  allowLocalHttp: boolean,
): "invalid" | "https" | "credentials" | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "invalid";
  }
  if (url.username || url.password) return "credentials";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && allowLocalHttp && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return "https";
}
