/**
 * The usage ledger and the usage alerts, as the statements that change the counters write them.
 * The hot path (register, release, spend) adds these as CTEs of its one statement; the approvals and
 * whatever creates an account call `openUsage` / `recordContractChange` in their transaction. The
 * invariant they keep: per account, the ledger's deltas add up to `datapoints_used` and
 * `sms_credits`.
 */
import { eq, type SQL, sql } from "drizzle-orm";
import {
  DEFAULT_SMS_CREDITS_LOW_LEVEL,
  thresholdReached,
  USAGE_THRESHOLDS,
} from "../../shared/domain/events.ts";
import type { Caller } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { accounts, usageAlerts, usageLedger } from "../db/schema/index.ts";

/** The API key behind a change, when an integration made it; people leave it null. */
export function apiKeyOf(caller: Caller): string | null {
  return caller.kind === "integration" ? caller.apiKeyId : null;
}

/** `thresholdReached(used, contracted)` in SQL, built from the same thresholds. */
export function thresholdSql(used: SQL, contracted: SQL): SQL {
  const highestFirst = [...USAGE_THRESHOLDS].sort((a, b) => b - a);
  const whens = highestFirst.map(
    (threshold) =>
      sql`when ${used} * 100 >= ${contracted} * ${sql.raw(String(threshold))} then ${sql.raw(String(threshold))}`,
  );
  return sql`(case ${sql.join(whens, sql` `)} else 0 end)`;
}

type AccountCounters = Pick<
  typeof accounts.$inferSelect,
  "id" | "partnerId" | "datapointsUsed" | "datapointsContracted" | "smsCredits"
>;

/**
 * Opens the ledger of a new account with its counters as created, and its alerts as they stand: an
 * account born past a threshold (or low on SMS credits) has nothing to cross, so nothing is announced.
 */
export async function openUsage(
  tx: Database,
  account: AccountCounters,
  { at, applicationId = null }: { at: Date; applicationId?: string | null },
): Promise<void> {
  await tx.insert(usageLedger).values({
    partnerId: account.partnerId,
    accountId: account.id,
    entry: "opened",
    recordedAt: at,
    datapointsDelta: account.datapointsUsed,
    smsCreditsDelta: account.smsCredits,
    datapointsUsed: account.datapointsUsed,
    datapointsContracted: account.datapointsContracted,
    smsCredits: account.smsCredits,
    applicationId,
  });
  await armUsageAlerts(tx, account);
}

/** The alerts of an account as its counters stand: what it already reached counts as announced. */
export async function armUsageAlerts(tx: Database, account: AccountCounters): Promise<void> {
  const state = {
    datapointsThreshold: thresholdReached(account.datapointsUsed, account.datapointsContracted),
    smsCreditsLow: account.smsCredits < DEFAULT_SMS_CREDITS_LOW_LEVEL,
  };
  await tx
    .insert(usageAlerts)
    .values({ accountId: account.id, partnerId: account.partnerId, ...state })
    .onConflictDoUpdate({ target: usageAlerts.accountId, set: state });
}

/**
 * After an approval changed an account (its row locked by the approval): records what changed of its
 * counters and contract, and re-arms the alerts a bigger contract or a top-up put back below.
 * Nothing is written when the approval left these untouched (a licence, a renewal).
 */
export async function recordContractChange(
  tx: Database,
  before: AccountCounters,
  { at, applicationId }: { at: Date; applicationId: string },
): Promise<void> {
  const [after] = await tx.select().from(accounts).where(eq(accounts.id, before.id));
  if (!after) return;
  const datapointsDelta = after.datapointsUsed - before.datapointsUsed;
  const smsCreditsDelta = after.smsCredits - before.smsCredits;
  if (
    datapointsDelta === 0 &&
    smsCreditsDelta === 0 &&
    after.datapointsContracted === before.datapointsContracted
  ) {
    return;
  }
  await tx.insert(usageLedger).values({
    partnerId: after.partnerId,
    accountId: after.id,
    entry: "contract_changed",
    recordedAt: at,
    datapointsDelta,
    smsCreditsDelta,
    datapointsUsed: after.datapointsUsed,
    datapointsContracted: after.datapointsContracted,
    smsCredits: after.smsCredits,
    applicationId,
  });
  // Only ever lowered here: a contract cut down to what is used announces nothing by itself.
  await tx
    .update(usageAlerts)
    .set({
      datapointsThreshold: sql`least(${usageAlerts.datapointsThreshold}, ${thresholdReached(after.datapointsUsed, after.datapointsContracted)}::int)`,
      smsCreditsLow: sql`${usageAlerts.smsCreditsLow} and ${after.smsCredits < DEFAULT_SMS_CREDITS_LOW_LEVEL}::boolean`,
    })
    .where(eq(usageAlerts.accountId, after.id));
}
