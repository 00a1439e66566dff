/**
 * Deactivating a Customer Success colleague: they can no longer sign in, and their sessions, their
 * pending password reset links and the open invitations they sent end in the same transaction. The
 * active members' rows are locked first, so two deactivations at once are decided one after the
 * other and can never leave the platform without an active member.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { refusalOfStaffDeactivation } from "../../shared/domain/staff.ts";
import type { CustomerSuccessActor } from "../access/actor.ts";
import { forgetPasswordResets } from "../auth/password-reset.ts";
import type { Database } from "../db/client.ts";
import { sessions, users } from "../db/schema/index.ts";
import { notFound, Problem } from "../errors.ts";
import { revokeInvitationsSentBy } from "../invitations/revoke-invitations-sent-by.ts";
import { recordSecurityEvent } from "../security-log/record.ts";

export async function deactivateStaffMember({
  db,
  actor,
  userId,
  now,
  address,
}: {
  db: Database;
  actor: CustomerSuccessActor;
  userId: string;
  now: Date;
  address: string;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const active = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "customer_success"), isNull(users.deactivatedAt)))
      // In one order, so that two deactivations wait for each other instead of deadlocking.
      .orderBy(asc(users.id))
      .for("update");
    const [target] = await tx
      .select({ email: users.email, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.role, "customer_success")));
    if (!target) throw notFound("Customer Success user");
    const refusal = refusalOfStaffDeactivation({
      actorId: actor.userId,
      targetId: userId,
      activeStaffIds: active.map((row) => row.id),
    });
    if (refusal === "own_deactivation") {
      throw new Problem("FORBIDDEN", "You cannot deactivate yourself: ask a colleague.");
    }
    if (refusal === "last_customer_success_user") {
      throw new Problem(
        "LAST_CUSTOMER_SUCCESS_USER",
        "This is the last active Customer Success user: invite a colleague before deactivating them.",
      );
    }
    if (target.deactivatedAt) return;
    await tx.update(users).set({ deactivatedAt: now }).where(eq(users.id, userId));
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, userId))
      .returning({ id: sessions.id });
    await forgetPasswordResets(tx, { userId });
    await recordSecurityEvent(tx, {
      kind: "user_deactivated",
      at: now,
      actor,
      partnerId: null,
      subject: target.email,
      address,
      detail: { sessionsEnded: ended.length },
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
