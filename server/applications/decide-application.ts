/**
 * Customer Success — or an auto-approval rule — decides a pending application. A decision is a
 * conditional update (only a pending application can be decided) made in the transaction that
 * applies the change with the accounts locked, so it is final, exactly once, all or nothing, and
 * checked against the accounts as they are.
 */
import { and, eq } from "drizzle-orm";
import { recordHistory } from "../accounts/history.ts";
import type { CatalogueReader } from "../catalogue/queries.ts";
import type { Database } from "../db/client.ts";
import { applications, autoApprovalRules } from "../db/schema/index.ts";
import { recordApplicationEvent } from "../events/application-events.ts";
import type { Notices } from "../notices/notices.ts";
import { applyApproval } from "./apply-approval.ts";
import { notPendingOrMissing } from "./refusals.ts";

type Application = typeof applications.$inferSelect;

/** Who decides: a Customer Success reviewer, or (null) an auto-approval rule. */
type Decider = { userId: string } | null;

export interface Decision {
  db: Database;
  actor: { userId: string };
  applicationId: string;
  comment: string;
  now: Date;
  notices: Notices;
  catalogue: CatalogueReader;
}

export async function approveApplication({
  db,
  actor,
  applicationId,
  comment,
  now,
  notices,
  catalogue,
}: Decision): Promise<void> {
  await db.transaction(async (tx) => {
    const claimed = await claim(tx, applicationId, "approved", actor, comment, now);
    if (!claimed) throw await notPendingOrMissing(tx, applicationId);
    await applyApproval(tx, claimed, catalogue, now);
    await recordApplicationEvent(tx, "application.approved", { applicationId, catalogue, now });
    await notices.applicationDecided(tx, applicationId, now, catalogue);
  });
}

export async function rejectApplication({
  db,
  actor,
  applicationId,
  comment,
  now,
  notices,
  catalogue,
}: Decision): Promise<void> {
  await db.transaction(async (tx) => {
    const rejected = await claim(tx, applicationId, "rejected", actor, comment, now);
    if (!rejected) throw await notPendingOrMissing(tx, applicationId);
    await recordHistory(tx, rejected, "rejected", { actorId: actor.userId, at: now, comment });
    await recordApplicationEvent(tx, "application.rejected", { applicationId, catalogue, now });
    await notices.applicationDecided(tx, applicationId, now, catalogue);
  });
}

/** Customer Success may let some kinds through on filing; the application is recorded all the same. */
export async function decideAutomaticallyIfRuled(
  tx: Database,
  filed: Application,
  catalogue: CatalogueReader,
  now: Date,
): Promise<void> {
  const [rule] = await tx
    .select()
    .from(autoApprovalRules)
    .where(eq(autoApprovalRules.kind, filed.kind));
  if (!rule?.enabled) return;
  const claimed = await claim(
    tx,
    filed.id,
    "approved",
    null,
    "Approved automatically by an auto-approval rule.",
    now,
  );
  if (!claimed) return;
  await applyApproval(tx, claimed, catalogue, now);
  await recordApplicationEvent(tx, "application.approved", {
    applicationId: filed.id,
    catalogue,
    now,
  });
}

async function claim(
  tx: Database,
  applicationId: string,
  status: "approved" | "rejected",
  decider: Decider,
  comment: string,
  now: Date,
): Promise<Application | undefined> {
  const [claimed] = await tx
    .update(applications)
    .set({
      status,
      decidedBy: decider?.userId ?? null,
      decidedAutomatically: decider === null,
      decidedAt: now,
      decisionComment: comment,
    })
    .where(and(eq(applications.id, applicationId), eq(applications.status, "pending")))
    .returning();
  return claimed;
}
