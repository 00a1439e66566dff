/** A partner's users as its SuperAdmins manage them: the Users page and "Users with access". */
import { z } from "zod";
import { USER_TYPES } from "../domain/people.ts";
import { plainText, text } from "../domain/text.ts";
import { reference } from "./common.ts";

const instant = z.iso.datetime({ offset: true });
const userType = z.enum(USER_TYPES, "Choose a type");

/** User ids are better-auth's: opaque text, not necessarily uuids. */
const userId = z
  .string()
  .min(1, "Not a valid id")
  .max(64, "Not a valid id")
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id");

export const userParams = z.object({ id: userId });

export const managedUser = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    userType,
    status: z.enum(["active", "deactivated"]),
    deactivatedAt: instant.nullable(),
    /** From the security log; null when never recorded. */
    lastSignInAt: instant.nullable(),
    /** A SuperAdmin reaches every account of the partner; the others those granted to them. */
    reachesAllAccounts: z.boolean(),
    /** Accounts the user can open. */
    accountCount: z.int(),
  })
  .meta({ id: "ManagedUser" });
export type ManagedUser = z.infer<typeof managedUser>;

/** Sent and neither accepted nor revoked; an expired one can be sent again or revoked. */
export const pendingInvitation = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    userType,
    account: reference.nullable(),
    invitedBy: reference.nullable(),
    sentAt: instant,
    expiresAt: instant,
    expired: z.boolean(),
  })
  .meta({ id: "PendingInvitation" });
export type PendingInvitation = z.infer<typeof pendingInvitation>;

export const partnerPeople = z
  .object({
    /** Active users first, then deactivated ones; by name. */
    users: z.array(managedUser),
    /** Oldest first. */
    invitations: z.array(pendingInvitation),
  })
  .meta({ id: "PartnerPeople" });
export type PartnerPeople = z.infer<typeof partnerPeople>;

export const inviteUserBody = z
  .strictObject({
    name: text("name", "Enter the person's name")
      .trim()
      .min(1, "Enter the person's name")
      .max(120, "Keep the name within 120 characters"),
    email: z
      .email("Enter an e-mail address such as ana@partner.example")
      .check(plainText())
      .max(254, "Keep the address within 254 characters"),
    userType,
    /** An account-level user starts with access to this account. */
    accountId: z.uuid("Choose an account").nullable().default(null),
  })
  .meta({ id: "InviteUser" });
export type InviteUserBody = z.input<typeof inviteUserBody>;

export const userTypeBody = z.strictObject({ userType }).meta({ id: "UserTypeChange" });
export type UserTypeBody = z.infer<typeof userTypeBody>;

export const accountUserParams = z.object({ id: z.uuid("Not a valid id"), userId });

/** An account-level user granted access to the account. */
export const accountUser = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    userType,
    status: z.enum(["active", "deactivated"]),
  })
  .meta({ id: "AccountUser" });
export type AccountUser = z.infer<typeof accountUser>;

export const accountUsers = z.object({ items: z.array(accountUser) }).meta({ id: "AccountUsers" });
export type AccountUsers = z.infer<typeof accountUsers>;

export const grantAccessBody = z
  .strictObject({ userId: userId.describe("The partner's account-level user") })
  .meta({ id: "GrantAccess" });
export type GrantAccessBody = z.infer<typeof grantAccessBody>;
