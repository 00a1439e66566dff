/**
 * Invitation links carry 256 random bits; only their SHA-256 is stored (a fast hash is right for a
 * random secret, as for API keys), so the table alone opens no link.
 */
import { randomBytes } from "node:crypto";
import { hashSecret } from "../auth/api-key-secrets.ts";

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashSecret(token) };
}

export const hashInvitationToken = hashSecret;

export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/invitations/${token}`;
}
