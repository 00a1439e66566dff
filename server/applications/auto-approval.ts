/** Customer Success's auto-approval rules: which kinds of application are approved on filing. */
import { eq } from "drizzle-orm";
import type { AutoApprovalRule } from "../../shared/api/applications.ts";
import { APPLICATION_KINDS, type ApplicationKind } from "../../shared/domain/applications.ts";
import type { CustomerSuccessActor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { autoApprovalRules, users } from "../db/schema/index.ts";
import { recordSecurityEvent } from "../security-log/record.ts";

/** Every kind, in the catalogue's order; a kind without a row needs review. */
export async function listAutoApprovalRules(db: Database): Promise<AutoApprovalRule[]> {
  const rows = await db
    .select({ rule: autoApprovalRules, updatedByName: users.name })
    .from(autoApprovalRules)
    .leftJoin(users, eq(users.id, autoApprovalRules.updatedBy));
  const byKind = new Map(rows.map((row) => [row.rule.kind, row]));
  return APPLICATION_KINDS.map((kind) => {
    const row = byKind.get(kind);
    return {
      kind,
      enabled: row?.rule.enabled ?? false,
      updatedBy: row?.rule.updatedBy
        ? { id: row.rule.updatedBy, name: row.updatedByName ?? "" }
        : null,
      updatedAt: row?.rule.updatedBy ? row.rule.updatedAt.toISOString() : null,
    };
  });
}

/** Turns a kind's rule on or off; the security log keeps a change (setting it as it was is none). */
export async function setAutoApprovalRule(
  db: Database,
  actor: CustomerSuccessActor,
  kind: ApplicationKind,
  enabled: boolean,
  now: Date,
  address?: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ enabled: autoApprovalRules.enabled })
      .from(autoApprovalRules)
      .where(eq(autoApprovalRules.kind, kind))
      .for("update");
    await tx
      .insert(autoApprovalRules)
      .values({ kind, enabled, updatedBy: actor.userId, updatedAt: now })
      .onConflictDoUpdate({
        target: autoApprovalRules.kind,
        set: { enabled, updatedBy: actor.userId, updatedAt: now },
      });
    const wasEnabled = before?.enabled ?? false;
    if (wasEnabled === enabled) return;
    await recordSecurityEvent(tx, {
      kind: "auto_approval_rule_changed",
      at: now,
      actor,
      partnerId: null,
      subject: kind,
      address: address ?? null,
      detail: { before: { enabled: wasEnabled }, after: { enabled } },
    });
  });
}
