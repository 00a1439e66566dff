import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../shared/api/common.ts";
import { invitePersonBody } from "../../shared/api/partners.ts";
import { userParams } from "../../shared/api/people.ts";
import { anyInvitation, staff, staffInvitation, staffMember } from "../../shared/api/staff.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { Database } from "../db/client.ts";
import { invitations } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { inviteUser } from "../invitations/invite-user.ts";
import { pendingInvitations } from "../invitations/queries.ts";
import { resendInvitation } from "../invitations/resend-invitation.ts";
import { revokeInvitation } from "../invitations/revoke-invitation.ts";
import { deactivateStaffMember } from "./deactivate-staff-member.ts";
import { findStaffMember, listStaff, staffInvitations } from "./queries.ts";
import { reactivateStaffMember } from "./reactivate-staff-member.ts";

const TAGS = ["staff"];

export function staffRoutes({
  db,
  clock,
  publicUrl,
}: {
  db: Database;
  clock: Clock;
  publicUrl: string;
}): FastifyPluginAsyncZod {
  const present = async (id: string) => {
    const found = await findStaffMember(db, id);
    if (!found) throw notFound("Customer Success user");
    return found;
  };
  /** An open invitation as its list shows it: the team's, or its partner's. */
  const presentInvitation = async (partnerId: string | null, id: string) => {
    const now = clock.now();
    const open = partnerId
      ? await pendingInvitations(db, partnerId, now)
      : await staffInvitations(db, now);
    const found = open.find((invitation) => invitation.id === id);
    if (!found) throw notFound("invitation");
    return found;
  };

  return async (app) => {
    const route = guarded(app);
    route.get(
      "/staff",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "listStaff",
          tags: TAGS,
          summary: "The Customer Success team: active and deactivated members, open invitations",
          response: { 200: staff },
        },
      },
      async () => listStaff(db, clock.now()),
    );

    route.post(
      "/staff/:id/deactivate",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "deactivateStaffMember",
          errors: ["LAST_CUSTOMER_SUCCESS_USER"],
          tags: TAGS,
          summary:
            "Deactivate a colleague: their sessions end at once; never oneself, never the last active member (409 LAST_CUSTOMER_SUCCESS_USER)",
          params: userParams,
          response: { 200: staffMember },
        },
      },
      async (request, _reply, actor) => {
        await deactivateStaffMember({
          db,
          actor,
          userId: request.params.id,
          now: clock.now(),
          address: request.ip,
        });
        return present(request.params.id);
      },
    );

    route.post(
      "/staff/:id/reactivate",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "reactivateStaffMember",
          tags: TAGS,
          summary: "Reactivate a colleague: they can sign in again",
          params: userParams,
          response: { 200: staffMember },
        },
      },
      async (request, _reply, actor) => {
        await reactivateStaffMember({
          db,
          actor,
          userId: request.params.id,
          now: clock.now(),
          address: request.ip,
        });
        return present(request.params.id);
      },
    );

    route.post(
      "/staff/invitations",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "inviteStaffMember",
          errors: ["EMAIL_ALREADY_IN_USE"],
          tags: TAGS,
          summary: "Invite a colleague to the Customer Success team by e-mail",
          description:
            "409 `EMAIL_ALREADY_IN_USE` when the address has a user or an open invitation.",
          body: invitePersonBody,
          response: { 201: staffInvitation },
        },
      },
      async (request, reply, actor) => {
        const { invitation } = await inviteUser({
          db,
          clock,
          publicUrl,
          invitedBy: actor,
          partnerId: null,
          userType: null,
          ...request.body,
          address: request.ip,
        });
        const sent = (await staffInvitations(db, clock.now())).find(
          (pending) => pending.id === invitation.id,
        );
        if (!sent) throw new Error("the invitation just sent is not pending");
        return reply
          .status(201)
          .header("location", `/api/v1/staff/invitations/${invitation.id}`)
          .send(sent);
      },
    );

    route.get(
      "/staff/invitations/:id",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "getInvitation",
          tags: TAGS,
          summary:
            "Any open invitation, a colleague's or a partner's; 404 once accepted or revoked",
          params: idParams,
          response: { 200: anyInvitation },
        },
      },
      async (request) => {
        const [found] = await db
          .select({ partnerId: invitations.partnerId })
          .from(invitations)
          .where(eq(invitations.id, request.params.id));
        if (!found) throw notFound("invitation");
        return presentInvitation(found.partnerId, request.params.id);
      },
    );

    // Every invitation, the team's and every partner's: a SuperAdmin has its own under /users.
    route.post(
      "/staff/invitations/:id/resend",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "resendInvitation",
          tags: TAGS,
          summary:
            "Send any open invitation again, a colleague's or a partner's: a new link for 7 more days; the old link stops working",
          description:
            "Answers the invitation as its list shows it: a `StaffInvitation` for a colleague, a `PendingInvitation` for a partner's user. 404 when it was accepted or revoked.",
          params: idParams,
          response: { 200: anyInvitation },
        },
      },
      async (request, _reply, actor) => {
        const { invitation } = await resendInvitation({
          db,
          clock,
          publicUrl,
          actor,
          invitationId: request.params.id,
          address: request.ip,
        });
        return presentInvitation(invitation.partnerId, invitation.id);
      },
    );

    route.post(
      "/staff/invitations/:id/revoke",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "revokeInvitation",
          tags: TAGS,
          summary:
            "Revoke any open invitation, a colleague's or a partner's: its link stops working",
          description: "404 when it was accepted or revoked already.",
          params: idParams,
          response: { 204: z.null().describe("Revoked") },
        },
      },
      async (request, reply, actor) => {
        await revokeInvitation({
          db,
          actor,
          invitationId: request.params.id,
          now: clock.now(),
          address: request.ip,
        });
        return reply.status(204).send(null);
      },
    );
  };
}
