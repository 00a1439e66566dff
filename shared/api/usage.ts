import { z } from "zod";
import { decodeCursor } from "../domain/cursor.ts";
import { DATAPOINT_KINDS } from "../domain/datapoints.ts";
import { text } from "../domain/text.ts";
import { MAX_HISTORY_PERIODS, periodCount, USAGE_INTERVALS } from "../domain/usage-history.ts";
import { keysetPageOf, pageQuery, reference } from "./common.ts";

/** `Idempotency-Key`: a retry with the same key and body gets the first answer, without doing it again. */
export const idempotencyHeaders = z.looseObject({
  "idempotency-key": text()
    .min(1, "The Idempotency-Key cannot be empty")
    .max(255, "Keep the Idempotency-Key within 255 characters")
    .optional()
    .meta({
      description:
        "Any unique value (e.g. a UUID) per operation. The same key with the same request answers what the first answered, without doing it again; with another request it is refused (422). Kept for 24 hours; refusals are not kept.",
    }),
});

const capacity = z.object({ contracted: z.int(), used: z.int(), left: z.int() });

export const accountUsage = z
  .object({
    account: reference,
    status: z.enum(["active", "expired"]),
    /**
     * True once the account has expired: it takes no datapoints and spends no SMS credits until it
     * is renewed, so both `left` are 0 (the SMS balance is kept and comes back with the renewal).
     */
    closed: z.boolean(),
    endsOn: z.iso.date(),
    datapoints: capacity,
    /** Bought (spent + balance), spent, and the balance left to spend now. */
    smsCredits: capacity,
  })
  .meta({ id: "AccountUsage" });
export type AccountUsage = z.infer<typeof accountUsage>;

/** An account an API key (or a person) reaches, to discover what to call the usage API with. */
export const reachableAccount = z
  .object({
    id: z.uuid(),
    name: z.string(),
    partner: reference,
    endsOn: z.iso.date(),
    status: z.enum(["active", "expired"]),
  })
  .meta({ id: "ReachableAccount" });
export type ReachableAccount = z.infer<typeof reachableAccount>;

const uuid = z.uuid();
const cursorText = (part: string) => part.length <= 1000 && !part.includes("\0");

/** Where a page of reachable accounts starts or ends: an account's name and id, the list's order. */
export function readReachableAccountCursor(cursor: string): { name: string; id: string } | null {
  const [name, id] = decodeCursor(cursor, 2) ?? [];
  if (name === undefined || id === undefined) return null;
  return cursorText(name) && uuid.safeParse(id).success ? { name, id } : null;
}

const reachableAccountCursor = z
  .string()
  .max(3000)
  .refine((cursor) => readReachableAccountCursor(cursor) !== null, "Not a cursor this list gave");

export const reachableAccountQuery = z.object({
  status: z.enum(["active", "expired"]).optional(),
  /** A page's `next`: the page after it, whatever was added or removed meanwhile (`page` is then ignored). */
  after: reachableAccountCursor.optional(),
  /** A page's `previous`: the page before it (`page` is then ignored). */
  before: reachableAccountCursor.optional(),
  ...pageQuery,
});
export type ReachableAccountQuery = z.infer<typeof reachableAccountQuery>;

/** A page of reachable accounts read by cursors (`next` also in the `Link` header); total exact up to 1,000. */
export const reachableAccountPage = keysetPageOf(reachableAccount).meta({
  id: "ReachableAccountPage",
});

export const datapoint = z
  .object({
    id: z.uuid(),
    externalId: z.string(),
    name: z.string(),
    deviceName: z.string(),
    kind: z.enum(DATAPOINT_KINDS),
    billable: z.boolean(),
    registeredAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "Datapoint" });
export type Datapoint = z.infer<typeof datapoint>;

/** Where a page of datapoints starts or ends: a datapoint's device, name and id, the list's order. */
export interface DatapointCursor {
  deviceName: string;
  name: string;
  id: string;
}

/** The datapoint a cursor names; null for anything this list did not give. */
export function readDatapointCursor(cursor: string): DatapointCursor | null {
  const [deviceName, name, id] = decodeCursor(cursor, 3) ?? [];
  if (deviceName === undefined || name === undefined || id === undefined) return null;
  if (!cursorText(deviceName) || !cursorText(name) || !uuid.safeParse(id).success) return null;
  return { deviceName, name, id };
}

const datapointCursor = z
  .string()
  .max(4000)
  .refine((cursor) => readDatapointCursor(cursor) !== null, "Not a cursor this list gave");

export const datapointListQuery = z.object({
  kind: z.enum(DATAPOINT_KINDS).optional(),
  /** The device's name, exactly. */
  device: text("name")
    .trim()
    .min(1, "Enter the device's name")
    .max(200, "Keep the device's name within 200 characters")
    .optional(),
  /** The `next` of a page: the page after it, whatever was added or removed meanwhile (`page` is then ignored). */
  after: datapointCursor.optional(),
  /** The `previous` of a page: the page before it (`page` is then ignored). */
  before: datapointCursor.optional(),
  ...pageQuery,
});
export type DatapointListQuery = z.infer<typeof datapointListQuery>;

/**
 * A page of datapoints read by cursors: `next` is also in the `Link` header (rel="next"); the total
 * is exact up to 1,000.
 */
export const datapointPage = keysetPageOf(datapoint).meta({ id: "DatapointPage" });
export type DatapointPage = z.infer<typeof datapointPage>;

const registeredDatapoint = z.object({
  id: z.uuid(),
  externalId: z.string(),
  billable: z.boolean(),
});

export const registrationResult = z
  .object({
    /** The datapoints this request registered. */
    registered: z.array(registeredDatapoint),
    /** External ids of the batch that were registered already; they did not count again. */
    alreadyRegistered: z.array(z.string()),
    datapoints: capacity,
  })
  .meta({ id: "DatapointRegistration" });
export type RegistrationResult = z.infer<typeof registrationResult>;

export const releaseResult = z
  .object({
    released: z.array(registeredDatapoint),
    /** What the request named that is not registered (any more); releasing twice is harmless. */
    notRegistered: z.object({ ids: z.array(z.string()), externalIds: z.array(z.string()) }),
    datapoints: capacity,
  })
  .meta({ id: "DatapointRelease" });
export type ReleaseResult = z.infer<typeof releaseResult>;

export const smsSpendingResult = z
  .object({ spent: z.int(), smsCredits: z.object({ left: z.int() }) })
  .meta({ id: "SmsSpending" });
export type SmsSpendingResult = z.infer<typeof smsSpendingResult>;

const historyDate = (what: string) =>
  z.iso.date({ message: `Enter the ${what} date as YYYY-MM-DD` }).meta({ example: "2026-03-01" });

/** A usage history: between two dates, both included, by day, ISO week or calendar month. */
export const usageHistoryQuery = z
  .object({
    from: historyDate("first"),
    to: historyDate("last"),
    interval: z.enum(USAGE_INTERVALS).default("day"),
  })
  .superRefine((query, ctx) => {
    if (query.to < query.from) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "The last date cannot be before the first",
      });
    } else if (periodCount(query.from, query.to, query.interval) > MAX_HISTORY_PERIODS) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `Ask for at most ${MAX_HISTORY_PERIODS} periods: a shorter range or a longer interval`,
      });
    }
  });
export type UsageHistoryQuery = z.infer<typeof usageHistoryQuery>;

export const usagePeriod = z
  .object({
    /** The period's first day and its last, in the partner's calendar. */
    start: z.iso.date(),
    end: z.iso.date(),
    datapoints: z.object({
      /** At the end of the period (or now, for the current one); null before the account opened. */
      used: z.int().nullable(),
      contracted: z.int().nullable(),
      /** Billable datapoints registered and released during the period. */
      registered: z.int(),
      released: z.int(),
    }),
    smsCredits: z.object({
      /** Spent during the period, and the balance at its end (null before the account opened). */
      spent: z.int(),
      left: z.int().nullable(),
    }),
  })
  .meta({ id: "UsagePeriod" });
export type UsagePeriod = z.infer<typeof usagePeriod>;

export const usageHistory = z
  .object({
    account: reference,
    interval: z.enum(USAGE_INTERVALS),
    /** The partner's time zone, in which days, weeks and months begin. */
    timeZone: z.string(),
    periods: z.array(usagePeriod),
  })
  .meta({ id: "UsageHistory" });
export type UsageHistory = z.infer<typeof usageHistory>;
