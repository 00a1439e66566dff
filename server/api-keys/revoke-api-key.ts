/** Revoking is a conditional update: a key is revoked once, by whoever came first, and never deleted. */
import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import { apiKeyManagementScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { apiKeys } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { recordSecurityEvent } from "../security-log/record.ts";

export async function revokeApiKey({
  db,
  actor,
  apiKeyId,
  now,
  address,
}: {
  db: Database;
  actor: Actor;
  apiKeyId: string;
  now: Date;
  /** The request's client address, for the security log. */
  address?: string;
}): Promise<void> {
  const scope = apiKeyManagementScope(actor);
  const revoked = await db.transaction(async (tx) => {
    const [key] = await tx
      .update(apiKeys)
      .set({ revokedAt: now, revokedBy: actor.userId })
      .where(and(eq(apiKeys.id, apiKeyId), isNull(apiKeys.revokedAt), scope))
      .returning({ id: apiKeys.id, name: apiKeys.name, partnerId: apiKeys.partnerId });
    if (!key) return false;
    await recordSecurityEvent(tx, {
      kind: "api_key_revoked",
      at: now,
      actor,
      partnerId: key.partnerId,
      subject: key.name,
      address: address ?? null,
      detail: { apiKeyId: key.id },
    });
    return true;
  });
  if (revoked) return;
  const [existing] = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, apiKeyId), scope));
  if (!existing) throw notFound("API key");
}
