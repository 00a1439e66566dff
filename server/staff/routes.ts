import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { invitePersonBody } from "../../shared/api/partners.ts";
import { userParams } from "../../shared/api/people.ts";
import { staff, staffInvitation, staffMember } from "../../shared/api/staff.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { Database } from "../db/client.ts";
import { notFound } from "../errors.ts";
import { inviteUser } from "../invitations/invite-user.ts";
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

  return async (app) => {
    const route = guarded(app);
    route.get(
      "/staff",
      {
        callers: callers.customerSuccess,
        schema: {
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
        return reply.status(201).send(sent);
      },
    );
  };
}
