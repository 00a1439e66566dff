/**
 * Delivers the outbox. Each message is claimed with `FOR UPDATE SKIP LOCKED` and a lease (its next
 * attempt moved a few minutes ahead), handed to the transport outside any transaction, then recorded
 * as sent, retrying (exponential backoff, for at least a day) or failed, with the last error.
 *
 * At-least-once: a dispatcher that dies after the transport accepted a message but before recording
 * it leaves the claim to expire, and the message is delivered again with the same Message-ID, by
 * which a receiver (the in-app mailbox does) recognises the duplicate. No message is ever lost.
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Clock } from "../../shared/domain/clock.ts";
import { nextAttempt } from "../../shared/domain/delivery.ts";
import type { Database } from "../db/client.ts";
import { mailOutbox } from "../db/schema/index.ts";
import type { MailTransport } from "./transports.ts";

/** How long a claim holds a message: well beyond the SMTP timeouts of one delivery. */
export const LEASE_MS = 5 * 60_000;

type ClaimedMail = typeof mailOutbox.$inferSelect;

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
    await db
      .update(mailOutbox)
      .set({ status: "sent", sentAt: now, lastError: null })
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
    report[await recordDelivery(db, mail, outcome, clock.now())]++;
  }
  return report;
}
