/**
 * Delivers the outbox. Each message is claimed with `FOR UPDATE SKIP LOCKED` and a lease (its next
 * attempt moved a few minutes ahead), handed to the transport outside any transaction, then recorded
 * as sent, retrying (exponential backoff, for at least a day) or failed, with the last error.
 *
 * At-least-once: a dispatcher that dies after the transport accepted a message but before recording
 * it leaves the claim to expire, and the message is delivered again with the same Message-ID, by
 * which a receiver (the in-app mailbox does) recognises the duplicate. No message is ever lost.
 *
 * A message that carries a live secret — an invitation link, a password reset link — keeps it only
 * until an SMTP server has taken it: recorded as sent, its stored HTML and text become a note that
 * the link was removed, so the outbox is no store of working links. The in-app mailbox (no SMTP_URL;
 * for evaluation and tests) is itself the recipient's inbox, so there the link stays: the mailbox
 * holds it anyway, and a production instance sets SMTP_URL.
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Clock } from "../../shared/domain/clock.ts";
import { nextAttempt } from "../../shared/domain/delivery.ts";
import type { Database } from "../db/client.ts";
import { type MailTopic, mailOutbox } from "../db/schema/index.ts";
import type { MailTransport } from "./transports.ts";

/** How long a claim holds a message: well beyond the SMTP timeouts of one delivery. */
export const LEASE_MS = 5 * 60_000;

type ClaimedMail = typeof mailOutbox.$inferSelect;

/** Topics whose message carries a link that works until used: kept only until delivered by SMTP. */
const SECRET_TOPICS: ReadonlySet<MailTopic> = new Set(["invitation", "password_reset"]);

/** What the outbox keeps of such a message once an SMTP server has taken it. */
export const LINK_REMOVED_TEXT =
  "Delivered. The link in this message was removed after delivery, so that it is kept only by its recipient.";
const LINK_REMOVED_HTML = `<p>${LINK_REMOVED_TEXT}</p>`;

export interface DispatchReport {
  sent: number;
  retrying: number;
  failed: number;
}

/** Takes the message that has waited longest among those due, unless another dispatcher holds it. */
export async function claimNextMail(db: Database, now: Date): Promise<ClaimedMail | undefined> {
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      and(inArray(mailOutbox.status, ["queued", "retrying"]), lte(mailOutbox.nextAttemptAt, now)),
    )
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .limit(1)
    .for("update", { skipLocked: true });
  const [claimed] = await db
    .update(mailOutbox)
    .set({
      attempts: sql`${mailOutbox.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + LEASE_MS),
      firstAttemptAt: sql`coalesce(${mailOutbox.firstAttemptAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(eq(mailOutbox.id, sql`(${due})`))
    .returning();
  return claimed;
}

type DeliveryOutcome = { delivered: true } | { delivered: false; error: string };

export async function deliverMail(
  transport: MailTransport,
  mail: ClaimedMail,
  now: Date,
): Promise<DeliveryOutcome> {
  try {
    await transport.deliver(mail, now);
    return { delivered: true };
  } catch (error) {
    return { delivered: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Records the outcome of this claim only: if the lease ran out and another dispatcher claimed the
 * message since (its attempts moved on), that dispatcher's record is the one that counts.
 */
async function recordDelivery(
  db: Database,
  transport: MailTransport,
  mail: ClaimedMail,
  outcome: DeliveryOutcome,
  now: Date,
): Promise<keyof DispatchReport> {
  const thisClaim = and(
    eq(mailOutbox.id, mail.id),
    eq(mailOutbox.attempts, mail.attempts),
    inArray(mailOutbox.status, ["queued", "retrying"]),
  );
  if (outcome.delivered) {
    const removeLink = transport.kind === "smtp" && SECRET_TOPICS.has(mail.topic);
    await db
      .update(mailOutbox)
      .set({
        status: "sent",
        sentAt: now,
        lastError: null,
        ...(removeLink ? { html: LINK_REMOVED_HTML, text: LINK_REMOVED_TEXT } : {}),
      })
      .where(thisClaim);
    return "sent";
  }
  const retryAt = nextAttempt(mail.firstAttemptAt ?? now, mail.attempts, now);
  await db
    .update(mailOutbox)
    .set(
      retryAt
        ? { status: "retrying", nextAttemptAt: retryAt, lastError: outcome.error }
        : { status: "failed", lastError: outcome.error },
    )
    .where(thisClaim);
  return retryAt ? "retrying" : "failed";
}

/** Delivers up to `batchSize` due messages, one claim at a time so that each lease covers one delivery. */
export async function dispatchMail({
  db,
  transport,
  clock,
  batchSize,
}: {
  db: Database;
  transport: MailTransport;
  clock: Clock;
  batchSize: number;
}): Promise<DispatchReport> {
  const report: DispatchReport = { sent: 0, retrying: 0, failed: 0 };
  for (let n = 0; n < batchSize; n++) {
    const mail = await claimNextMail(db, clock.now());
    if (!mail) break;
    const outcome = await deliverMail(transport, mail, clock.now());
    report[await recordDelivery(db, transport, mail, outcome, clock.now())]++;
  }
  return report;
}
