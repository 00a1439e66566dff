/** The Customer Success team as it manages itself: its people and the colleagues invited. */
import { z } from "zod";
import { pendingInvitation } from "./people.ts";

export const staffMember = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    status: z.enum(["active", "deactivated"]),
    deactivatedAt: z.iso.datetime({ offset: true }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "StaffMember" });
export type StaffMember = z.infer<typeof staffMember>;

/** A colleague invited and not yet joined; an expired invitation stays until sent again. */
export const staffInvitation = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    /** Null when the operator invited from the command line. */
    invitedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    sentAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
    expired: z.boolean(),
  })
  .meta({ id: "StaffInvitation" });
export type StaffInvitation = z.infer<typeof staffInvitation>;

export const staff = z
  .object({
    /** Active people first, then the deactivated ones; by name. */
    members: z.array(staffMember),
    /** Oldest first. */
    invitations: z.array(staffInvitation),
  })
  .meta({ id: "Staff" });
export type Staff = z.infer<typeof staff>;

/**
 * Any open invitation as Customer Success sends it again: a partner's user's (with its type) or a
 * colleague's (without one).
 */
export const anyInvitation = z
  .union([pendingInvitation, staffInvitation])
  .meta({ id: "AnyInvitation" });
export type AnyInvitation = z.infer<typeof anyInvitation>;
