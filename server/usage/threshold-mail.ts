/**
 * The e-mails of usage alerts. The hot path records a threshold's crossing as an event in its one
 * statement; this in-house reader of the event log turns those events into e-mails to the
 * account's SuperAdmins. Exactly once across instances: in one transaction it locks its cursor
 * (SKIP LOCKED: another instance at work means nothing to do here), reads the next events in commit-
 * safe order, queues their mails in the outbox and moves the cursor. It reads only events of
 * transactions older than every one still running, so an event committed late is never passed by.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { eventReaders, events } from "../db/schema/index.ts";
import type { Notices, UsageAlert } from "../notices/notices.ts";

export const USAGE_ALERT_MAIL_READER = "usage-alert-mail";

export interface UsageAlertMailReport {
  /** Events read (of every type: the cursor passes the others by). */
  events: number;
  mails: number;
  /** True when the batch was full: more events may be waiting. */
  more: boolean;
}

function alertOf(type: string, data: Record<string, unknown>): UsageAlert | null {
  const accountId = String(data.accountId);
  if (type === "usage.threshold_reached") {
    return {
      accountId,
      kind: "datapoints",
      threshold: Number(data.threshold),
      used: Number(data.datapointsUsed),
      contracted: Number(data.datapointsContracted),
    };
  }
  if (type === "sms_credits.low") {
    return {
      accountId,
      kind: "sms_credits",
      left: Number(data.smsCreditsLeft),
      level: Number(data.level),
    };
  }
  return null;
}

/** One bounded batch: the next events after the cursor, their mails queued, the cursor moved. */
export async function mailUsageAlerts({
  db,
  notices,
  now,
  batchSize,
}: {
  db: Database;
  notices: Notices;
  now: Date;
  batchSize: number;
}): Promise<UsageAlertMailReport> {
  return db.transaction(async (tx) => {
    await tx.insert(eventReaders).values({ name: USAGE_ALERT_MAIL_READER }).onConflictDoNothing();
    const [cursor] = await tx
      .select()
      .from(eventReaders)
      .where(eq(eventReaders.name, USAGE_ALERT_MAIL_READER))
      .for("update", { skipLocked: true });
    if (!cursor) return { events: 0, mails: 0, more: false };
    const batch = await tx
      .select({
        transactionId: events.transactionId,
        position: events.position,
        type: events.type,
        data: events.data,
      })
      .from(events)
      .where(
        and(
          sql`(${events.transactionId}, ${events.position}) > (${cursor.transactionId}::bigint, ${cursor.position}::bigint)`,
          sql`${events.transactionId} < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`,
        ),
      )
      .orderBy(asc(events.transactionId), asc(events.position))
      .limit(batchSize);
    let mails = 0;
    for (const event of batch) {
      const alert = alertOf(event.type, event.data);
      if (alert) mails += await notices.usageAlert(tx, alert, now);
    }
    const last = batch.at(-1);
    if (last) {
      await tx
        .update(eventReaders)
        .set({ transactionId: last.transactionId, position: last.position })
        .where(eq(eventReaders.name, USAGE_ALERT_MAIL_READER));
    }
    return { events: batch.length, mails, more: batch.length === batchSize };
  });
}
