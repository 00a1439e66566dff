/** Revoking is a conditional update: a key is revoked once, by whoever came first, and never deleted. */
import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import { apiKeyManagementScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { apiKeys, users } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
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
      .returning({
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        partnerId: apiKeys.partnerId,
        accountId: apiKeys.accountId,
      });
    if (!key) return false;
    const [revoker] = await tx
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, actor.userId));
    await recordEvent(tx, {
      type: "api_key.revoked",
      partnerId: key.partnerId,
      accountId: key.accountId,
      occurredAt: now,
      data: {
        apiKeyId: key.id,
        name: key.name,
        shownPart: key.prefix,
        accountId: key.accountId,
        revokedBy: { id: actor.userId, name: revoker?.name ?? "" },
      },
    });
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
