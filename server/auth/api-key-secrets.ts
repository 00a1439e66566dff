/**
 * API key secrets: 256 random bits, kept only as a SHA-256 hash. A fast hash is right here: the
 * secret is random (nothing to guess from a dictionary) and it is checked on the usage hot path,
 * where a slow password hash such as scrypt would cost more than the work it guards.
 */
import { createHash, randomBytes } from "node:crypto";
import { API_KEY_PREFIX } from "../../shared/domain/api-keys.ts";

export function newSecret(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
