/** Revoking is a conditional update: a key is revoked once, by whoever came first, and never deleted. */
import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import { apiKeyManagementScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { apiKeys } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";

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
