/**
 * An invitation speaks for whoever sent it only while they may still invite: when a user is
 * deactivated or demoted from SuperAdmin, the open invitations they sent are revoked in the
 * transaction of that change (else a SuperAdmin about to go could invite a second address of their
 * own and accept later). `acceptInvitation` checks the inviter again, for invitations this misses.
 */
import { and, eq } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { invitations } from "../db/schema/index.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { open } from "./invite-user.ts";

export async function revokeInvitationsSentBy(
  tx: Database,
  {
    inviterId,
    reason,
    actor,
    now,
    address,
  }: {
    inviterId: string;
    /** In the security log's detail: "inviter deactivated", "inviter no longer a SuperAdmin". */
    reason: string;
    /** Who made the change that ends the inviter's rights. */
    actor: Pick<Actor, "userId" | "name">;
    now: Date;
    address: string | null;
  },
): Promise<void> {
  const revoked = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.invitedBy, inviterId), open()))
    .returning({ id: invitations.id, partnerId: invitations.partnerId, email: invitations.email });
  for (const invitation of revoked) {
    await recordSecurityEvent(tx, {
      kind: "invitation_revoked",
      at: now,
      actor,
      partnerId: invitation.partnerId,
      subject: invitation.email,
      address,
      detail: { reason, invitationId: invitation.id },
    });
  }
}
