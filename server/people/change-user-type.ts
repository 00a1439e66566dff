/**
 * Setting a partner user's type: SuperAdmin or an account-level type; the last SuperAdmin stays one.
 * A SuperAdmin who is demoted loses the open invitations they sent.
 */
import { eq } from "drizzle-orm";
import { refusalOfUserChange, type UserType } from "../../shared/domain/people.ts";
import type { Actor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { revokeInvitationsSentBy } from "../invitations/revoke-invitations-sent-by.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { lockForChange } from "./lock-for-change.ts";
import { refusal } from "./refusals.ts";

export async function changeUserType({
  db,
  actor,
  userId,
  userType,
  now,
  address,
}: {
  db: Database;
  actor: Actor;
  userId: string;
  userType: UserType;
  now: Date;
  address: string | null;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const { target, activeSuperAdminIds } = await lockForChange(tx, actor, userId);
    if (target.userType === userType) return;
    const refused = refusalOfUserChange({
      actorId: actor.userId,
      target,
      activeSuperAdminIds,
      change: { kind: "type", to: userType },
    });
    if (refused) throw refusal(refused);
    await tx
      .update(users)
      .set({ userType, isSuperAdmin: userType === "super_admin", updatedAt: now })
      .where(eq(users.id, userId));
    await recordSecurityEvent(tx, {
      kind: "role_changed",
      at: now,
      actor,
      partnerId: target.partnerId,
      subject: target.email,
      address,
      detail: { before: target.userType, after: userType },
    });
    if (target.userType === "super_admin") {
      await revokeInvitationsSentBy(tx, {
        inviterId: userId,
        reason: "inviter no longer a SuperAdmin",
        actor,
        now,
        address,
      });
    }
  });
}
