/**
 * Turns a bearer secret into the integration it belongs to. A key of a suspended partner is no
 * valid key (platform keys have no partner). A valid key is remembered for a few seconds
 * (KEY_VERIFICATION_TTL_MS), so that the usage hot path does not ask the database who is calling on
 * every request; a revoked key, or a key of a partner just suspended, is therefore refused by every
 * server within those seconds, and at once by the server that revoked it or suspended the partner
 * (it forgets the key, or the partner's keys). Unknown secrets are not remembered. "Last used" is written at most once a minute per key.
 */
import { and, eq, isNull, lte, or } from "drizzle-orm";
import {
  isUseWorthRecording,
  KEY_VERIFICATION_TTL_MS,
  LAST_USED_PRECISION_MS,
  scopeOf,
} from "../../shared/domain/api-keys.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import type { IntegrationActor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { apiKeys, partners } from "../db/schema/index.ts";
import { hashSecret } from "./api-key-secrets.ts";

export interface KeyVerifier {
  /** The integration a secret belongs to, or null when no valid key has it. */
  verify(secret: string): Promise<IntegrationActor | null>;
  /** Refuses a key on this server from now on, without waiting for the remembered answer to age. */
  forget(apiKeyId: string): void;
  /** Refuses a suspended partner's keys on this server from now on, as `forget` does one key. */
  forgetPartner(partnerId: string): void;
}

interface Verified {
  actor: IntegrationActor;
  verifiedAt: number;
  lastUsedAt: Date | null;
}

export function createKeyVerifier(db: Database, clock: Clock): KeyVerifier {
  const verified = new Map<string, Verified>();

  async function lookUp(hash: string, now: Date): Promise<Verified | null> {
    const [key] = await db
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        partnerId: apiKeys.partnerId,
        accountId: apiKeys.accountId,
        lastUsedAt: apiKeys.lastUsedAt,
      })
      .from(apiKeys)
      .leftJoin(partners, eq(partners.id, apiKeys.partnerId))
      .where(
        and(
          eq(apiKeys.secretHash, hash),
          isNull(apiKeys.revokedAt),
          // A platform key has no partner, so nothing to be suspended (the left join gives null).
          isNull(partners.suspendedAt),
        ),
      );
    if (!key) return null;
    return {
      actor: { kind: "integration", apiKeyId: key.id, name: key.name, scope: scopeOf(key) },
      verifiedAt: now.getTime(),
      lastUsedAt: key.lastUsedAt,
    };
  }

  /** Conditional, so that several servers using one key still write about once a minute in all. */
  async function recordUse(apiKeyId: string, now: Date): Promise<void> {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.id, apiKeyId),
          or(
            isNull(apiKeys.lastUsedAt),
            lte(apiKeys.lastUsedAt, new Date(now.getTime() - LAST_USED_PRECISION_MS)),
          ),
        ),
      );
  }

  return {
    async verify(secret) {
      const now = clock.now();
      const hash = hashSecret(secret);
      let known = verified.get(hash);
      if (!known || now.getTime() - known.verifiedAt >= KEY_VERIFICATION_TTL_MS) {
        const found = await lookUp(hash, now);
        if (!found) {
          verified.delete(hash);
          return null;
        }
        known = found;
        verified.set(hash, known);
      }
      if (isUseWorthRecording(known.lastUsedAt, now)) {
        // Noted before writing, so that requests arriving meanwhile do not write too.
        known.lastUsedAt = now;
        await recordUse(known.actor.apiKeyId, now);
      }
      return known.actor;
    },
    forget(apiKeyId) {
      for (const [hash, known] of verified) {
        if (known.actor.apiKeyId === apiKeyId) verified.delete(hash);
      }
    },
    forgetPartner(partnerId) {
      for (const [hash, known] of verified) {
        const { scope } = known.actor;
        if (scope.kind !== "platform" && scope.partnerId === partnerId) verified.delete(hash);
      }
    },
  };
}
