/** The invitation link as its recipient opens it, without an account yet. */
import { z } from "zod";
import { USER_TYPES } from "../domain/people.ts";
import { PASSWORD_LENGTH } from "./session.ts";

export const invitationParams = z.object({
  token: z
    .string()
    .min(1, "Not an invitation link")
    .max(100, "Not an invitation link")
    .regex(/^[A-Za-z0-9_-]+$/, "Not an invitation link"),
});

export const invitationView = z
  .object({
    name: z.string(),
    email: z.string(),
    /** The partner one joins; null for Customer Success. */
    partner: z.object({ name: z.string() }).nullable(),
    userType: z.enum(USER_TYPES).nullable(),
    /** The account an account-level user starts with. */
    account: z.object({ name: z.string() }).nullable(),
    /** Null when the operator invited from the command line. */
    invitedBy: z.string().nullable(),
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "InvitationView" });
export type InvitationView = z.infer<typeof invitationView>;

export const acceptInvitationBody = z
  .strictObject({
    password: z
      .string("Choose a password")
      .min(PASSWORD_LENGTH.min, `At least ${PASSWORD_LENGTH.min} characters`)
      .max(PASSWORD_LENGTH.max, `At most ${PASSWORD_LENGTH.max} characters`),
  })
  .meta({ id: "AcceptInvitation" });
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBody>;

/** The new user signs in next, with this address and the password just chosen. */
export const acceptedInvitation = z
  .object({ email: z.string() })
  .meta({ id: "AcceptedInvitation" });
export type AcceptedInvitation = z.infer<typeof acceptedInvitation>;
