/**
 * Creating and revoking API keys. A SuperAdmin's key reaches the partner's accounts (all, or the
 * one named); Customer Success makes platform-wide keys. Revoking is a conditional update: a key is
 * revoked once, by whoever came first, and is never deleted.
 */
import { and, eq, isNull } from "drizzle-orm";
import { shownPart } from "../../shared/domain/api-keys.ts";
import type { Actor } from "../access/actor.ts";
import { accountScope, apiKeyManagementScope } from "../access/scope.ts";
import { hashSecret, newSecret } from "../auth/api-key-secrets.ts";
import type { Database } from "../db/client.ts";
import { accounts, apiKeys } from "../db/schema/index.ts";
import { notFound, Problem } from "../errors.ts";

export async function createApiKey({
  db,
  actor,
  name,
  accountId,
  now,
}: {
  db: Database;
  actor: Actor;
  name: string;
  accountId: string | null;
  now: Date;
}): Promise<{ id: string; secret: string }> {
  const partnerId = await partnerOfNewKey(db, actor, accountId);
  const secret = newSecret();
  const [created] = await db
    .insert(apiKeys)
    .values({
      partnerId,
      accountId,
      name,
      prefix: shownPart(secret),
      secretHash: hashSecret(secret),
      createdBy: actor.userId,
      createdAt: now,
    })
    .returning({ id: apiKeys.id });
  if (!created) throw new Error("insert returned no row");
  return { id: created.id, secret };
}

/** The partner a new key belongs to: the SuperAdmin's own, or none for Customer Success. */
async function partnerOfNewKey(
  db: Database,
  actor: Actor,
  accountId: string | null,
): Promise<string | null> {
  if (actor.kind === "customer_success") {
    if (accountId !== null) {
      throw new Problem("VALIDATION_FAILED", "Customer Success makes platform-wide keys.", {
        errors: [{ field: "accountId", message: "Leave it empty: the key reaches every account" }],
      });
    }
    return null;
  }
  if (accountId !== null) {
    const [account] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.id, accountId), accountScope(actor)));
    if (!account) throw notFound("account");
  }
  return actor.partnerId;
}

/** Revokes a key the actor manages; revoking it again changes nothing. */
export async function revokeApiKey({
  db,
  actor,
  apiKeyId,
  now,
}: {
  db: Database;
  actor: Actor;
  apiKeyId: string;
  now: Date;
}): Promise<void> {
  const scope = apiKeyManagementScope(actor);
  const [revoked] = await db
    .update(apiKeys)
    .set({ revokedAt: now, revokedBy: actor.userId })
    .where(and(eq(apiKeys.id, apiKeyId), isNull(apiKeys.revokedAt), scope))
    .returning({ id: apiKeys.id });
  if (revoked) return;
  const [existing] = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, apiKeyId), scope));
  if (!existing) throw notFound("API key");
}
