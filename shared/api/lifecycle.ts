import { z } from "zod";
import { durationMs } from "../domain/durations.ts";
import { text } from "../domain/text.ts";
import { pageOf, pageQuery } from "./common.ts";

/** The in-app mailbox, where mail lands when no SMTP server is configured. */
export const mailboxQuery = z.object({
  /** Part of the recipient's address or of the subject. */
  q: text().trim().max(100, "Keep the search within 100 characters").optional(),
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

export const mailboxPage = pageOf(mailboxItem).meta({ id: "MailboxPage" });
export type MailboxPage = z.infer<typeof mailboxPage>;

export const MAIL_STATUSES = ["queued", "retrying", "sent", "failed"] as const;

/** The outbox: every e-mail and how its delivery went. */
export const outboxQuery = z.object({ status: z.enum(MAIL_STATUSES).optional(), ...pageQuery });
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

export const outboxPage = pageOf(outboxItem).meta({ id: "OutboxPage" });
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
