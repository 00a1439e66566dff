/**
 * Creating an API key. A SuperAdmin's key reaches the partner's accounts (all, or the one named);
 * Customer Success makes platform-wide keys. The secret is shown once; only its hash is kept.
 */
import { and, eq } from "drizzle-orm";
import { shownPart } from "../../shared/domain/api-keys.ts";
import type { Actor } from "../access/actor.ts";
import { accountScope } from "../access/scope.ts";
import { hashSecret, newSecret } from "../auth/api-key-secrets.ts";
import type { Database } from "../db/client.ts";
import { accounts, apiKeys } from "../db/schema/index.ts";
import { notFound, Problem } from "../errors.ts";
import { recordSecurityEvent } from "../security-log/record.ts";

export async function createApiKey({
  db,
  actor,
  name,
  accountId,
  now,
  address,
}: {
  db: Database;
  actor: Actor;
  name: string;
  accountId: string | null;
  now: Date;
  /** The request's client address, for the security log. */
  address?: string;
}): Promise<{ id: string; secret: string }> {
  const partnerId = await partnerOfNewKey(db, actor, accountId);
  const secret = newSecret();
  const prefix = shownPart(secret);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiKeys)
      .values({
        partnerId,
        accountId,
        name,
        prefix,
        secretHash: hashSecret(secret),
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: apiKeys.id });
    if (!created) throw new Error("insert returned no row");
    await recordSecurityEvent(tx, {
      kind: "api_key_created",
      at: now,
      actor,
      partnerId,
      subject: name,
      address: address ?? null,
      detail: { apiKeyId: created.id, shownPart: prefix, accountId },
    });
    return { id: created.id, secret };
  });
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
