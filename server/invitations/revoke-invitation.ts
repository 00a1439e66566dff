/** Revoking an invitation: its link stops working and the address is free for a new one. */
import { and, eq } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import { invitationScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { invitations } from "../db/schema/index.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { open } from "./invite-user.ts";
import { noOpenInvitation } from "./resend-invitation.ts";

export async function revokeInvitation({
  db,
  actor,
  invitationId,
  now,
  address,
}: {
  db: Database;
  actor: Actor;
  invitationId: string;
  now: Date;
  address: string | null;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.id, invitationId), open(), invitationScope(actor)))
      .returning({ partnerId: invitations.partnerId, email: invitations.email });
    if (!revoked) throw noOpenInvitation();
    await recordSecurityEvent(tx, {
      kind: "invitation_revoked",
      at: now,
      actor,
      partnerId: revoked.partnerId,
      subject: revoked.email,
      address,
    });
  });
}
