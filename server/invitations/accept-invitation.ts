/**
 * Accepting an invitation: the user is created with the invited type (or as Customer Success),
 * given the invited account, and the invitation is marked accepted, in one transaction that holds
 * the invitation's row lock, so two accepts of one link at once create one user. The new user then
 * signs in with the password chosen here. A link works only while its sender may still invite
 * (active, and for a partner's invitation a SuperAdmin of that partner or Customer Success) and its
 * partner is not suspended.
 */
import { eq } from "drizzle-orm";
import type { Clock } from "../../shared/domain/clock.ts";
import { invitationState } from "../../shared/domain/people.ts";
import { createUser } from "../auth/users.ts";
import type { Database } from "../db/client.ts";
import { violatedUniqueConstraint } from "../db/errors.ts";
import { accountAccess, accounts, invitations, partners, users } from "../db/schema/index.ts";
import { Problem } from "../errors.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { emailInUse, type Invitation } from "./invite-user.ts";
import { hashInvitationToken } from "./tokens.ts";

const invalidLink = () =>
  new Problem(
    "NOT_FOUND",
    "This invitation link does not work: it was already used, revoked, or replaced by a newer one.",
  );

/** The invitation a link opens, if it still works; else the refusal that says why not. */
export function usableInvitation(found: Invitation | undefined, now: Date): Invitation {
  const state = found ? invitationState(found, now) : "revoked";
  if (!found || state === "accepted" || state === "revoked") throw invalidLink();
  if (state === "expired") {
    throw new Problem(
      "INVITATION_EXPIRED",
      "This invitation has expired. Ask whoever invited you to send it again.",
    );
  }
  return found;
}

/**
 * Refuses, as a link that does not work, an invitation whose partner is suspended or whose sender
 * has since been deactivated or, for a partner's invitation, is no longer that partner's SuperAdmin
 * (Customer Success stays valid while active; the command line's invitations have no sender).
 */
export async function refuseUnbacked(db: Database, invitation: Invitation): Promise<void> {
  if (invitation.partnerId !== null) {
    const [partner] = await db
      .select({ suspendedAt: partners.suspendedAt })
      .from(partners)
      .where(eq(partners.id, invitation.partnerId));
    if (!partner || partner.suspendedAt !== null) throw invalidLink();
  }
  if (invitation.invitedBy === null) return;
  const [inviter] = await db
    .select({
      role: users.role,
      partnerId: users.partnerId,
      userType: users.userType,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(eq(users.id, invitation.invitedBy));
  if (!inviter || inviter.deactivatedAt !== null) throw invalidLink();
  if (inviter.role === "customer_success") return;
  const superAdminOfPartner =
    invitation.partnerId !== null &&
    inviter.partnerId === invitation.partnerId &&
    inviter.userType === "super_admin";
  if (!superAdminOfPartner) throw invalidLink();
}

export async function acceptInvitation({
  db,
  clock,
  token,
  password,
  address,
}: {
  db: Database;
  clock: Clock;
  token: string;
  password: string;
  address: string | null;
}): Promise<{ userId: string; email: string }> {
  try {
    return await db.transaction(async (tx) => {
      const [found] = await tx
        .select()
        .from(invitations)
        .where(eq(invitations.tokenHash, hashInvitationToken(token)))
        .for("update");
      const now = clock.now();
      const invitation = usableInvitation(found, now);
      await refuseUnbacked(tx, invitation);
      const user = await createUser(tx, {
        email: invitation.email,
        name: invitation.name,
        password,
        language: invitation.language,
        ...(invitation.partnerId !== null && invitation.userType !== null
          ? { role: "partner", partnerId: invitation.partnerId, userType: invitation.userType }
          : { role: "customer_success" }),
      });
      const actor = { userId: user.id, name: invitation.name };
      const event = {
        at: now,
        actor,
        partnerId: invitation.partnerId,
        subject: invitation.email,
        address,
      };
      if (invitation.partnerId !== null && invitation.accountId !== null) {
        await tx.insert(accountAccess).values({
          partnerId: invitation.partnerId,
          accountId: invitation.accountId,
          userId: user.id,
        });
        const [account] = await tx
          .select({ name: accounts.name })
          .from(accounts)
          .where(eq(accounts.id, invitation.accountId));
        await recordSecurityEvent(tx, {
          ...event,
          kind: "access_granted",
          // As a SuperAdmin's grant records it, with the invitation that gave it.
          detail: {
            account: { id: invitation.accountId, name: account?.name ?? "" },
            invitationId: invitation.id,
          },
        });
      }
      await tx
        .update(invitations)
        .set({ acceptedAt: now, acceptedBy: user.id })
        .where(eq(invitations.id, invitation.id));
      await recordSecurityEvent(tx, {
        ...event,
        kind: "invitation_accepted",
        detail: { userType: invitation.userType },
      });
      return { userId: user.id, email: invitation.email };
    });
  } catch (error) {
    // The address was registered after the invitation was sent (by another invitation, say).
    if (violatedUniqueConstraint(error) === "users_email_unique") throw emailInUse();
    throw error;
  }
}
