/** Customer Success's auto-approval rules: which kinds of application are approved on filing. */
import { eq } from "drizzle-orm";
import type { AutoApprovalRule } from "../../shared/api/applications.ts";
import { APPLICATION_KINDS, type ApplicationKind } from "../../shared/domain/applications.ts";
import type { CustomerSuccessActor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { autoApprovalRules, users } from "../db/schema/index.ts";

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

export async function setAutoApprovalRule(
  db: Database,
  actor: CustomerSuccessActor,
  kind: ApplicationKind,
  enabled: boolean,
  now: Date,
): Promise<void> {
  await db
    .insert(autoApprovalRules)
    .values({ kind, enabled, updatedBy: actor.userId, updatedAt: now })
    .onConflictDoUpdate({
      target: autoApprovalRules.kind,
      set: { enabled, updatedBy: actor.userId, updatedAt: now },
    });
}
