/**
 * People and their roles. A partner's user is a SuperAdmin (the whole portfolio, Account
 * management, the partner's users) or has an account-level type and sees only the accounts it was
 * given. Customer Success is the platform operator's staff. The rules here decide who may do what
 * to whom; the server applies them inside the transaction that makes the change.
 */
import type { Clock } from "./clock.ts";

export const USER_TYPES = ["super_admin", "admin", "manager", "client", "demo"] as const;
export type UserType = (typeof USER_TYPES)[number];

/** What each type means on the platform, in one line, as the Users page shows it. */
export const USER_TYPE_MEANINGS: Record<UserType, { label: string; meaning: string }> = {
  super_admin: {
    label: "SuperAdmin",
    meaning: "Sees the whole portfolio, files applications and manages the partner's users.",
  },
  admin: {
    label: "Admin",
    meaning: "Configures the accounts they were given: their users, datapoints and alerts.",
  },
  manager: {
    label: "Manager",
    meaning: "Works with the data of their accounts: analyses, reports and alerts.",
  },
  client: {
    label: "Client",
    meaning: "Consults the dashboards and reports of their accounts, without changing them.",
  },
  demo: {
    label: "Demo",
    meaning: "Tries the platform on their accounts; nothing they do is kept.",
  },
};

/** An invitation link works for a week, a password reset link for an hour. */
export const INVITATION_VALID_DAYS = 7;
export const PASSWORD_RESET_VALID_SECONDS = 60 * 60;

export function invitationExpiry(clock: Clock): Date {
  return new Date(clock.now().getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);
}
