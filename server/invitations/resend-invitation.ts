/**
 * Sending an invitation again: a new token and a new expiry, so the old link stops working, and a
 * new e-mail; an expired invitation can be sent again this way.
 */
import { and, eq } from "drizzle-orm";
import type { Clock } from "../../shared/domain/clock.ts";
import { invitationExpiry } from "../../shared/domain/people.ts";
import type { Actor } from "../access/actor.ts";
import { invitationScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { invitations } from "../db/schema/index.ts";
import { Problem } from "../errors.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { queueInvitationMail } from "./invitation-mail.ts";
import { type Invitation, open } from "./invite-user.ts";
import { invitationLink, newInvitationToken } from "./tokens.ts";

export const noOpenInvitation = () =>
  new Problem(
    "NOT_FOUND",
    "No open invitation with that id: it was accepted, revoked or never sent.",
  );

export async function resendInvitation({
  db,
  clock,
  publicUrl,
  actor,
  invitationId,
  address,
}: {
  db: Database;
  clock: Clock;
  publicUrl: string;
  actor: Actor;
  invitationId: string;
  address: string | null;
}): Promise<{ invitation: Invitation; link: string }> {
  const now = clock.now();
  const { token, tokenHash } = newInvitationToken();
  const link = invitationLink(publicUrl, token);
  return db.transaction(async (tx) => {
    const [renewed] = await tx
      .update(invitations)
      .set({ tokenHash, expiresAt: invitationExpiry(clock), sentAt: now })
      .where(and(eq(invitations.id, invitationId), open(), invitationScope(actor)))
      .returning();
    if (!renewed) throw noOpenInvitation();
    await recordSecurityEvent(tx, {
      kind: "invitation_resent",
      at: now,
      actor,
      partnerId: renewed.partnerId,
      subject: renewed.email,
      address,
    });
    await queueInvitationMail(tx, {
      invitation: renewed,
      inviterName: actor.name,
      link,
      publicUrl,
      now,
    });
    return { invitation: renewed, link };
  });
}
