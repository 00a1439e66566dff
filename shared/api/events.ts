/**
 * What an integrator receives for each event, as a webhook's body and as an item of the event feed:
 * one envelope, discriminated on `type`, whose `data` says what happened in the integrator's words
 * (ids to fetch more, and the names and values a message needs without a second call). No secrets.
 */
import { z } from "zod";
import { APPLICATION_KINDS } from "../domain/applications.ts";
import { EVENT_TYPES, type EventType, USAGE_THRESHOLDS } from "../domain/events.ts";
import { REMINDERS } from "../domain/reminders.ts";
import { reference } from "./common.ts";

const calendarDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });

/** The application an `application.*` event is about, as it was filed. */
const applicationSubject = {
  applicationId: z.uuid(),
  kind: z.enum(APPLICATION_KINDS),
  /** The account it changes; null for a new account until it is approved. */
  accountId: z.uuid().nullable(),
  /** The account's name, or the name asked for a new account. */
  accountName: z.string(),
  /** Where datapoints go, for a move of datapoints; null otherwise. */
  targetAccountId: z.uuid().nullable(),
  targetAccountName: z.string().nullable(),
  /** One line that says what is asked, e.g. `Move 30 DP to Valencia Port`. */
  summary: z.string(),
  /** What the kind asks for (the same as the application's `payload` in the API). */
  payload: z.record(z.string(), z.unknown()),
  requestedBy: reference,
  requestedAt: instant,
  /** The requester's comment. */
  comment: z.string(),
};

export const applicationFiledData = z
  .object({ ...applicationSubject })
  .meta({ id: "ApplicationFiledData" });

export const applicationApprovedData = z
  .object({
    ...applicationSubject,
    /** The reviewer; null when an auto-approval rule approved it. */
    decidedBy: reference.nullable(),
    decidedAutomatically: z.boolean(),
    decisionComment: z.string(),
  })
  .meta({ id: "ApplicationApprovedData" });

export const applicationRejectedData = z
  .object({
    ...applicationSubject,
    decidedBy: reference,
    /** Why it was rejected. */
    decisionComment: z.string(),
  })
  .meta({ id: "ApplicationRejectedData" });

export const applicationWithdrawnData = z
  .object({ ...applicationSubject, withdrawnBy: reference })
  .meta({ id: "ApplicationWithdrawnData" });

export const accountCreatedData = z
  .object({
    accountId: z.uuid(),
    accountName: z.string(),
    customerName: z.string(),
    country: z.string(),
    /** The new-account application whose approval created it. */
    applicationId: z.uuid(),
    startsOn: calendarDate,
    endsOn: calendarDate,
    datapointsContracted: z.int(),
    smsCredits: z.int(),
  })
  .meta({ id: "AccountCreatedData" });

export const accountRenewedData = z
  .object({
    accountId: z.uuid(),
    accountName: z.string(),
    applicationId: z.uuid(),
    /** The end date before the renewal (past when the account had expired). */
    previousEndsOn: calendarDate,
    endsOn: calendarDate,
  })
  .meta({ id: "AccountRenewedData" });

export const accountExpiringData = z
  .object({
    accountId: z.uuid(),
    accountName: z.string(),
    endsOn: calendarDate,
    /**
     * The reminder's stage: 30 or 7 days before the end date, or 0 on the day it expires. A
     * reminder delayed by a downtime keeps its stage's number; `endsOn` gives the date itself.
     */
    daysLeft: z.literal(REMINDERS.map((r) => r.daysBefore)),
  })
  .meta({ id: "AccountExpiringData" });

export const accountExpiredData = z
  .object({
    accountId: z.uuid(),
    accountName: z.string(),
    /** The day it stopped being active: read-only from then on until it is renewed. */
    endsOn: calendarDate,
  })
  .meta({ id: "AccountExpiredData" });

export const usageThresholdReachedData = z
  .object({
    accountId: z.uuid(),
    /** Percent of the contracted datapoints now used. */
    threshold: z.literal(USAGE_THRESHOLDS),
    datapointsUsed: z.int(),
    datapointsContracted: z.int(),
  })
  .meta({ id: "UsageThresholdReachedData" });

export const smsCreditsLowData = z
  .object({
    accountId: z.uuid(),
    smsCreditsLeft: z.int(),
    /** The balance under which the account's owners are warned. */
    level: z.int(),
  })
  .meta({ id: "SmsCreditsLowData" });

export const apiKeyRevokedData = z
  .object({
    apiKeyId: z.uuid(),
    name: z.string(),
    /** The first characters of the secret, as shown in lists; never the secret. */
    shownPart: z.string(),
    /** The one account the key reached; null when it reached every account of its scope. */
    accountId: z.uuid().nullable(),
    revokedBy: reference,
  })
  .meta({ id: "ApiKeyRevokedData" });

/** Each event type's `data`: the one table that the envelope and the recorders are built from. */
export const eventDataSchemas = {
  "application.filed": applicationFiledData,
  "application.approved": applicationApprovedData,
  "application.rejected": applicationRejectedData,
  "application.withdrawn": applicationWithdrawnData,
  "account.created": accountCreatedData,
  "account.renewed": accountRenewedData,
  "account.expiring": accountExpiringData,
  "account.expired": accountExpiredData,
  "usage.threshold_reached": usageThresholdReachedData,
  "sms_credits.low": smsCreditsLowData,
  "api_key.revoked": apiKeyRevokedData,
} as const satisfies Record<EventType, z.ZodType>;

export type EventData<T extends EventType> = z.infer<(typeof eventDataSchemas)[T]>;

const envelope = <T extends EventType>(type: T) =>
  z.object({
    id: z.uuid(),
    type: z.literal(type),
    occurredAt: instant,
    /** The partner whose business it is; null only for platform events. */
    partnerId: z.uuid().nullable(),
    accountId: z.uuid().nullable(),
    data: eventDataSchemas[type],
  });

/** One event as integrators receive it; `type` says which `data` it carries. */
export const event = z
  .discriminatedUnion("type", [
    envelope("application.filed"),
    envelope("application.approved"),
    envelope("application.rejected"),
    envelope("application.withdrawn"),
    envelope("account.created"),
    envelope("account.renewed"),
    envelope("account.expiring"),
    envelope("account.expired"),
    envelope("usage.threshold_reached"),
    envelope("sms_credits.low"),
    envelope("api_key.revoked"),
  ])
  .meta({ id: "Event" });
export type Event = z.infer<typeof event>;

// A type added to EVENT_TYPES without its envelope in the union above fails to compile here.
EVENT_TYPES satisfies readonly Event["type"][];
