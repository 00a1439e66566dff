/**
 * When to try an e-mail again after a failed attempt: exponential backoff (1 minute, doubling, at
 * most an hour apart), for at least a day after the first attempt; then it is given up as failed.
 */
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 60 * 60_000;
export const RETRY_FOR_MS = 24 * 60 * 60_000;

/** The wait before retry number `attempts` (the number of attempts made so far, 1 or more). */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** The moment of the next attempt after one failed at `failedAt`, or null to give up. */
export function nextAttempt(firstAttemptAt: Date, attempts: number, failedAt: Date): Date | null {
  if (failedAt.getTime() - firstAttemptAt.getTime() >= RETRY_FOR_MS) return null;
  return new Date(failedAt.getTime() + retryDelayMs(attempts));
}
