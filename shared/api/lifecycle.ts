import { z } from "zod";
import { decodeCursor } from "../domain/cursor.ts";
import { durationMs } from "../domain/durations.ts";
import { text } from "../domain/text.ts";
import { keysetPageOf, pageQuery } from "./common.ts";

/** The two lists of mail, each newest first: the mailbox by delivery, the outbox by queueing. */
type MailList = "mailbox" | "outbox";

/**
 * Where a page of the mailbox or the outbox starts or ends: the list it belongs to, the time of a
 * message (to the microsecond, as the database keeps it, in UTC) and its id.
 */
export interface MailCursor {
  list: MailList;
  at: string;
  id: string;
}

const uuid = z.uuid();
const MICROSECOND_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The time a cursor holds, when the database wrote it: anything else is not a cursor it gave. */
function isMicrosecondTime(at: string): boolean {
  if (!MICROSECOND_UTC.test(at) || at < "0001-01-01") return false;
  const time = new Date(`${at.slice(0, 23)}Z`);
  return !Number.isNaN(time.getTime()) && time.toISOString().slice(0, 23) === at.slice(0, 23);
}

export function readMailCursor(cursor: string): MailCursor | null {
  const [list, at, id] = decodeCursor(cursor, 3) ?? [];
  if (list !== "mailbox" && list !== "outbox") return null;
  if (at === undefined || !isMicrosecondTime(at)) return null;
  return id !== undefined && uuid.safeParse(id).success ? { list, at, id } : null;
}

const mailCursor = z
  .string()
  .max(2000)
  .refine((cursor) => readMailCursor(cursor) !== null, "Not a cursor this list gave");

const cursors = {
  /** A page's `next`: the page after it, whatever was delivered meanwhile (`page` is then ignored). */
  after: mailCursor.optional(),
  /** A page's `previous`: the page before it (`page` is then ignored). */
  before: mailCursor.optional(),
};

/** The in-app mailbox, where mail lands when no SMTP server is configured. */
export const mailboxQuery = z.object({
  /** Part of the recipient's address or of the subject. */
  q: text().trim().max(100, "Keep the search within 100 characters").optional(),
  ...cursors,
  ...pageQuery,
});
export type MailboxQuery = z.infer<typeof mailboxQuery>;

const mailboxItem = z
  .object({
    id: z.uuid(),
    messageId: z.string(),
    from: z.string(),
    to: z.string(),
    subject: z.string(),
    /** The recipient's language the message was written in (from its outbox row; null if it has none). */
    language: z.enum(["en", "es"]).nullable(),
    deliveredAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "MailboxItem" });
export type MailboxItem = z.infer<typeof mailboxItem>;

export const mailboxMessage = mailboxItem
  .extend({
    /** A complete HTML document: show it in a sandboxed frame. */
    html: z.string(),
    text: z.string(),
  })
  .meta({ id: "MailboxMessage" });
export type MailboxMessage = z.infer<typeof mailboxMessage>;

export const mailboxPage = keysetPageOf(mailboxItem).meta({ id: "MailboxPage" });
export type MailboxPage = z.infer<typeof mailboxPage>;

export const MAIL_STATUSES = ["queued", "retrying", "sent", "failed"] as const;

/** The outbox: every e-mail and how its delivery went. */
export const outboxQuery = z.object({
  status: z.enum(MAIL_STATUSES).optional(),
  ...cursors,
  ...pageQuery,
});
export type OutboxQuery = z.infer<typeof outboxQuery>;

const outboxItem = z
  .object({
    id: z.uuid(),
    messageId: z.string(),
    topic: z.string(),
    to: z.string(),
    language: z.enum(["en", "es"]),
    subject: z.string(),
    status: z.enum(MAIL_STATUSES),
    attempts: z.int(),
    queuedAt: z.iso.datetime({ offset: true }),
    /** When the next attempt is due (queued or retrying). */
    nextAttemptAt: z.iso.datetime({ offset: true }).nullable(),
    sentAt: z.iso.datetime({ offset: true }).nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: "OutboxItem" });
export type OutboxItem = z.infer<typeof outboxItem>;

export const outboxPage = keysetPageOf(outboxItem).meta({ id: "OutboxPage" });
export type OutboxPage = z.infer<typeof outboxPage>;

export const sweepResult = z
  .object({
    /** Reminders sent by this run (one per account and stage). */
    reminders: z.int(),
    /** E-mails queued for them; delivery follows in the background within moments. */
    mails: z.int(),
    /** Accounts whose expiry this run told integrators of (`account.expired`, once per term). */
    expired: z.int(),
    /**
     * Reminders sent in the last 24 hours by any sweep, this one's included: the schedule's, one
     * run by hand, or the one the test clock runs when it moves.
     */
    sentInLastDay: z.int(),
    lastSentAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: "SweepResult" });
export type SweepResult = z.infer<typeof sweepResult>;

/** Longest single move of the test clock. */
const MAX_ADVANCE_DAYS = 400;

export const testClockStatus = z
  .object({
    /** The application's time. */
    now: z.iso.datetime({ offset: true }),
    realNow: z.iso.datetime({ offset: true }),
    /** How far ahead of real time, as an ISO 8601 duration (`P3DT2H`). */
    offset: z.string(),
    offsetMs: z.int(),
  })
  .meta({ id: "TestClock" });
export type TestClockStatus = z.infer<typeof testClockStatus>;

export const advanceTestClockBody = z
  .strictObject({
    duration: text().superRefine((value, ctx) => {
      const ms = durationMs(value);
      const problem =
        ms === null
          ? "Give an ISO 8601 duration in weeks, days, hours, minutes or seconds, e.g. P3DT2H"
          : ms <= 0
            ? "The test clock only moves forward: give a duration above zero"
            : ms > MAX_ADVANCE_DAYS * 86_400_000
              ? `Move the clock at most ${MAX_ADVANCE_DAYS} days at a time`
              : null;
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  })
  .meta({ id: "AdvanceTestClock" });
