/**
 * What integrators can be told about: every event the platform records, in their words. An event is
 * written in the transaction of the change it reports; webhooks and the event feed only read it.
 */
export const EVENT_TYPES = [
  "application.filed",
  "application.approved",
  "application.rejected",
  "application.withdrawn",
  "account.created",
  "account.renewed",
  "account.expiring",
  "account.expired",
  "usage.threshold_reached",
  "sms_credits.low",
  "api_key.revoked",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/** The shares of the contracted datapoints whose crossing is announced, in percent. */
export const USAGE_THRESHOLDS = [80, 100] as const;
export type UsageThreshold = (typeof USAGE_THRESHOLDS)[number];

/**
 * The highest threshold that `used` datapoints reach out of `contracted`, or 0 below the first.
 * Integer arithmetic: 80 of 100 reaches 80 %, 79 does not.
 */
export function thresholdReached(used: number, contracted: number): 0 | UsageThreshold {
  let reached: 0 | UsageThreshold = 0;
  for (const threshold of USAGE_THRESHOLDS) {
    if (used * 100 >= contracted * threshold) reached = threshold;
  }
  return reached;
}

/** The SMS credit balance under which an account's owners are warned, unless the account says otherwise. */
export const DEFAULT_SMS_CREDITS_LOW_LEVEL = 20;
