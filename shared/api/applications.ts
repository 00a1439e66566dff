import { z } from "zod";
import {
  buySmsCreditsPayload,
  comment,
  editDatapointsPayload,
  editLicencePayload,
  moveDatapointsPayload,
  newAccountRequest,
  renewSubscriptionPayload,
  upgradeMetersPayload,
} from "../domain/application-requests.ts";
import { APPLICATION_KINDS, APPLICATION_STATUSES } from "../domain/applications.ts";
import { decodeCursor } from "../domain/cursor.ts";
import { text } from "../domain/text.ts";
import { keysetPageOf, pageQuery, reference } from "./common.ts";

const change = <K extends string, P extends z.ZodType>(kind: K, payload: P) =>
  z.strictObject({
    kind: z.literal(kind),
    accountId: z.uuid("Choose an account"),
    payload,
    comment: comment.optional(),
  });

/** What a SuperAdmin files: the kind, the account it changes (except a new one) and the change. */
export const fileApplicationBody = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("new_account"),
      payload: newAccountRequest,
      comment: comment.optional(),
    }),
    change("edit_datapoints", editDatapointsPayload),
    change("move_datapoints", moveDatapointsPayload),
    change("edit_licence", editLicencePayload),
    change("upgrade_meters", upgradeMetersPayload),
    change("buy_sms_credits", buySmsCreditsPayload),
    change("renew_subscription", renewSubscriptionPayload),
  ])
  .meta({ id: "FileApplication" });
export type FileApplicationBody = z.infer<typeof fileApplicationBody>;

/** Far beyond any list of applications: a page past it is a mistake, refused before the database. */
const MAX_PAGE = 10_000;

/**
 * The two parts of a list of applications, in its order: the pending ones (oldest filed first, as a
 * queue), then the decided ones (latest decided first).
 */
export const APPLICATION_LIST_PARTS = ["pending", "decided"] as const;
export type ApplicationListPart = (typeof APPLICATION_LIST_PARTS)[number];

/**
 * Where a page of applications starts or ends: the part of the list, the time it is ordered by
 * there (filed while pending, decided after), as PostgreSQL writes a timestamp, and the id.
 */
export interface ApplicationCursor {
  part: ApplicationListPart;
  at: string;
  id: string;
}

const uuid = z.uuid();
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?([+-]\d{2})(:\d{2})?$/;

/** A time as PostgreSQL writes a `timestamptz` (`2026-03-01 09:30:00.123456+00`), and a real one. */
function isTimestamp(at: string): boolean {
  const parts = TIMESTAMP.exec(at);
  if (!parts) return false;
  const [, year, month, day, hour, minute, second, , offsetHours, offsetMinutes] = parts.map(
    (part) => Math.abs(Number(part?.replace(":", "") ?? 0)),
  );
  const date = new Date(0);
  date.setUTCFullYear(year ?? 0, (month ?? 0) - 1, day ?? 0);
  return (
    (year ?? 0) >= 1 &&
    (offsetHours ?? 16) < 16 &&
    (offsetMinutes ?? 60) < 60 &&
    date.getUTCDate() === day &&
    date.getUTCMonth() + 1 === month &&
    (hour ?? 24) < 24 &&
    (minute ?? 60) < 60 &&
    (second ?? 60) < 60
  );
}

export function readApplicationCursor(cursor: string): ApplicationCursor | null {
  const [part, at, id] = decodeCursor(cursor, 3) ?? [];
  const known = APPLICATION_LIST_PARTS.find((name) => name === part);
  if (!known || at === undefined || !isTimestamp(at)) return null;
  return id !== undefined && uuid.safeParse(id).success ? { part: known, at, id } : null;
}

const applicationCursor = z
  .string()
  .max(2000)
  .refine((cursor) => readApplicationCursor(cursor) !== null, "Not a cursor this list gave");

export const applicationListQuery = z.object({
  status: z.enum(APPLICATION_STATUSES).optional(),
  kind: z.enum(APPLICATION_KINDS).optional(),
  partnerId: z.uuid().optional(),
  accountId: z.uuid().optional(),
  /** Part of the account's or customer's name (a new account's too), the partner's or requester's. */
  q: text().trim().max(100, "Keep the search within 100 characters").optional(),
  ...pageQuery,
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE, `Pages go up to ${MAX_PAGE.toLocaleString("en")}`)
    .default(1),
  /** A page's `next`: the page after it, whatever was filed or decided meanwhile (`page` is then ignored). */
  after: applicationCursor.optional(),
  /** A page's `previous`: the page before it (`page` is then ignored). */
  before: applicationCursor.optional(),
});
export type ApplicationListQuery = z.infer<typeof applicationListQuery>;

/** One entitlement before and after; values are shown as people read them (licence names, dates). */
const entitlementChange = z
  .object({
    account: reference,
    field: z.string(),
    before: z.union([z.string(), z.number()]).nullable(),
    after: z.union([z.string(), z.number()]).nullable(),
  })
  .meta({ id: "EntitlementChange" });
export type EntitlementChange = z.infer<typeof entitlementChange>;

export const application = z
  .object({
    id: z.uuid(),
    kind: z.enum(APPLICATION_KINDS),
    status: z.enum(APPLICATION_STATUSES),
    partner: reference,
    account: reference.nullable(),
    targetAccount: reference.nullable(),
    payload: z.record(z.string(), z.unknown()),
    /** One line that says what is asked, e.g. `Move 30 DP to Valencia Port`. */
    summary: z.string(),
    /**
     * Before → after of every entitlement: as applied once approved; as it would apply now while
     * pending (for a new account, `before` is null).
     */
    changes: z.array(entitlementChange),
    /** While pending: why it could not be approved as the accounts are now. Empty when it fits. */
    problems: z.array(z.object({ field: z.string(), message: z.string() })),
    comment: z.string(),
    requestedBy: reference,
    requestedAt: z.iso.datetime({ offset: true }),
    /**
     * While pending: whole seconds from `requestedAt` to the application's clock (which a test
     * clock may have moved ahead of real time). Null once decided or withdrawn.
     */
    waitingSeconds: z.int().min(0).nullable(),
    decidedBy: reference.nullable(),
    decidedAutomatically: z.boolean(),
    decidedAt: z.iso.datetime({ offset: true }).nullable(),
    decisionComment: z.string().nullable(),
  })
  .meta({ id: "Application" });
export type Application = z.infer<typeof application>;

export const applicationPage = keysetPageOf(application).meta({ id: "ApplicationPage" });
export type ApplicationPage = z.infer<typeof applicationPage>;

export const approveBody = z.strictObject({ comment: comment.optional() });
export const rejectBody = z.strictObject({
  comment: comment.min(1, "Say why the application is rejected"),
});

export const autoApprovalRule = z
  .object({
    kind: z.enum(APPLICATION_KINDS),
    enabled: z.boolean(),
    updatedBy: reference.nullable(),
    updatedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: "AutoApprovalRule" });
export type AutoApprovalRule = z.infer<typeof autoApprovalRule>;
export const autoApprovalRuleParams = z.object({ kind: z.enum(APPLICATION_KINDS) });
export const autoApprovalRuleBody = z.strictObject({ enabled: z.boolean() });

const historyEntry = z
  .object({
    id: z.uuid(),
    event: z.enum(["filed", "approved", "rejected", "withdrawn", "created"]),
    application: z
      .object({
        id: z.uuid(),
        kind: z.enum(APPLICATION_KINDS),
        status: z.enum(APPLICATION_STATUSES),
        summary: z.string(),
      })
      .nullable(),
    /** Who did it; null when an auto-approval rule approved it. */
    actor: reference.nullable(),
    occurredAt: z.iso.datetime({ offset: true }),
    comment: z.string(),
    changes: z.array(
      z.object({
        field: z.string(),
        before: z.union([z.string(), z.number()]).nullable(),
        after: z.union([z.string(), z.number()]).nullable(),
      }),
    ),
  })
  .meta({ id: "HistoryEntry" });
export type HistoryEntry = z.infer<typeof historyEntry>;

/** The place in an account's history a cursor names: the entry's order of writing; null if none. */
export function readHistoryCursor(cursor: string): number | null {
  const [seq] = decodeCursor(cursor, 1) ?? [];
  return seq !== undefined && /^[1-9]\d{0,14}$/.test(seq) ? Number(seq) : null;
}

const historyCursor = z
  .string()
  .max(100)
  .refine((cursor) => readHistoryCursor(cursor) !== null, "Not a cursor this list gave");

export const historyQuery = z.object({
  /** A page's `next`: the older entries after it (`page` is then ignored). */
  after: historyCursor.optional(),
  /** A page's `previous`: the newer entries before it (`page` is then ignored). */
  before: historyCursor.optional(),
  ...pageQuery,
});
export type HistoryQuery = z.infer<typeof historyQuery>;

/** A page of an account's history, newest first, read by cursors; the total is exact up to 1,000. */
export const historyPage = keysetPageOf(historyEntry).meta({ id: "HistoryPage" });
