/**
 * Deactivating a partner's user: its sessions are deleted in the same transaction, and since
 * sessions live in the database every server instance refuses them from the next request on; the
 * user's pending password reset links and the open invitations they sent end with it.
 */
import { and, eq, isNull } from "drizzle-orm";
import { refusalOfUserChange } from "../../shared/domain/people.ts";
import type { Actor } from "../access/actor.ts";
import { forgetPasswordResets } from "../auth/password-reset.ts";
import type { Database } from "../db/client.ts";
import { sessions, users } from "../db/schema/index.ts";
import { revokeInvitationsSentBy } from "../invitations/revoke-invitations-sent-by.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { lockForChange } from "./lock-for-change.ts";
import { refusal } from "./refusals.ts";

export async function deactivateUser({
  db,
  actor,
  userId,
  now,
  address,
}: {
  db: Database;
  actor: Actor;
  userId: string;
  now: Date;
  address: string | null;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const { target, activeSuperAdminIds } = await lockForChange(tx, actor, userId);
    if (target.deactivatedAt !== null) return;
    const refused = refusalOfUserChange({
      actorId: actor.userId,
      target,
      activeSuperAdminIds,
      change: { kind: "deactivate" },
    });
    if (refused) throw refusal(refused);
    await tx
      .update(users)
      .set({ deactivatedAt: now, updatedAt: now })
      .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await forgetPasswordResets(tx, { userId });
    await recordSecurityEvent(tx, {
      kind: "user_deactivated",
      at: now,
      actor,
      partnerId: target.partnerId,
      subject: target.email,
      address,
    });
    await revokeInvitationsSentBy(tx, {
      inviterId: userId,
      reason: "inviter deactivated",
      actor,
      now,
      address,
    });
  });
}
