/**
 * People and their roles. A partner's user is a SuperAdmin (the whole portfolio, Account
 * management, the partner's users) or has an account-level type and sees only the accounts it was
 * given. Customer Success is the platform operator's staff. The rules here decide who may do what
 * to whom; the server applies them inside the transaction that makes the change.
 */
import type { Clock } from "./clock.ts";

export const USER_TYPES = ["super_admin", "admin", "manager", "client", "demo"] as const;
export type UserType = (typeof USER_TYPES)[number];

/** An invitation link works for a week, a password reset link for an hour. */
export const INVITATION_VALID_DAYS = 7;
export const PASSWORD_RESET_VALID_SECONDS = 60 * 60;

export function invitationExpiry(clock: Clock): Date {
  return new Date(clock.now().getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);
}

/** Whether an invitation link can still be used, and if not, why. */
export type InvitationState = "open" | "expired" | "accepted" | "revoked";

export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return now.getTime() < invitation.expiresAt.getTime() ? "open" : "expired";
}

/** Who invites: Customer Success, a partner's user, or the command line (null). */
export type Inviter =
  | { kind: "customer_success" }
  | { kind: "partner_user"; partnerId: string; isSuperAdmin: boolean }
  | null;

/** Whom an invitation is for: a partner's user of a type, or Customer Success (both null). */
export type Invitee =
  | { partnerId: string; userType: UserType }
  | { partnerId: null; userType: null };

/**
 * A SuperAdmin invites its own partner's users, of any type; Customer Success invites staff and
 * any partner's users (a new partner's first SuperAdmin, say); the operator at the command line
 * anyone (the first Customer Success user). An account-level user invites nobody.
 */
export function mayInvite(inviter: Inviter, invitee: Invitee): boolean {
  if (inviter === null || inviter.kind === "customer_success") return true;
  return inviter.isSuperAdmin && invitee.partnerId === inviter.partnerId;
}

/** What a SuperAdmin does to one of the partner's users. */
export type UserChange = { kind: "type"; to: UserType } | { kind: "deactivate" };

export type UserChangeRefusal = "last_super_admin" | "own_deactivation";

/**
 * Why a change to a user is refused, or null. A partner always keeps an active SuperAdmin, so the
 * last one can be neither demoted nor deactivated; and nobody deactivates themselves (another
 * SuperAdmin does it), which would end the very session asking for it.
 */
export function refusalOfUserChange({
  actorId,
  target,
  activeSuperAdminIds,
  change,
}: {
  actorId: string;
  target: { id: string };
  /** The partner's SuperAdmins who are not deactivated, as locked by the change's transaction. */
  activeSuperAdminIds: readonly string[];
  change: UserChange;
}): UserChangeRefusal | null {
  if (change.kind === "deactivate" && target.id === actorId) return "own_deactivation";
  const removesSuperAdmin =
    activeSuperAdminIds.includes(target.id) &&
    (change.kind === "deactivate" || change.to !== "super_admin");
  if (removesSuperAdmin && activeSuperAdminIds.length <= 1) return "last_super_admin";
  return null;
}
