import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams } from "../../shared/api/common.ts";
import {
  accountUserParams,
  accountUsers,
  grantAccessBody,
  inviteUserBody,
  managedUser,
  partnerPeople,
  pendingInvitation,
  userParams,
  userTypeBody,
} from "../../shared/api/people.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { Database } from "../db/client.ts";
import { notFound } from "../errors.ts";
import { inviteUser } from "../invitations/invite-user.ts";
import { pendingInvitations } from "../invitations/queries.ts";
import { resendInvitation } from "../invitations/resend-invitation.ts";
import { revokeInvitation } from "../invitations/revoke-invitation.ts";
import { changeUserType } from "./change-user-type.ts";
import { deactivateUser } from "./deactivate-user.ts";
import { grantAccess } from "./grant-access.ts";
import { findPartnerUser, listAccountUsers, listPartnerPeople } from "./queries.ts";
import { reactivateUser } from "./reactivate-user.ts";
import { revokeAccess } from "./revoke-access.ts";

/** A SuperAdmin's Users page and the "Users with access" of its partner's accounts. */
export function peopleRoutes({
  db,
  clock,
  publicUrl,
}: {
  db: Database;
  clock: Clock;
  publicUrl: string;
}): FastifyPluginAsyncZod {
  const invitationOf = async (partnerId: string, id: string) => {
    const found = (await pendingInvitations(db, partnerId, clock.now())).find((i) => i.id === id);
    if (!found) throw notFound("invitation");
    return found;
  };

  return async (app) => {
    const route = guarded(app);
    const tags = ["Users"];
    const forSuperAdmins = { callers: callers.superAdmin };

    route.get(
      "/users",
      {
        ...forSuperAdmins,
        schema: {
          operationId: "listUsers",
          tags,
          summary: "The partner's users and pending invitations",
          response: { 200: partnerPeople },
        },
      },
      async (_request, _reply, actor) => listPartnerPeople(db, actor.partnerId, clock.now()),
    );

    route.post(
      "/users/invitations",
      {
        ...forSuperAdmins,
        schema: {
          operationId: "inviteUser",
          // An account named in the body may be missing or another partner's.
          errors: ["EMAIL_ALREADY_IN_USE", "NOT_FOUND"],
          tags,
          summary: "Invite someone to the partner: an e-mailed link, single-use, for 7 days",
          description:
            "An address that already has a user or an open invitation (of any partner) answers 409 `EMAIL_ALREADY_IN_USE`, without saying whose.",
          body: inviteUserBody,
          response: { 201: pendingInvitation },
        },
      },
      async (request, reply, actor) => {
        const { invitation } = await inviteUser({
          db,
          clock,
          publicUrl,
          invitedBy: actor,
          partnerId: actor.partnerId,
          userType: request.body.userType,
          accountId: request.body.accountId,
          email: request.body.email,
          name: request.body.name,
          address: request.ip,
        });
        return reply
          .status(201)
          .header("location", `/api/v1/users/invitations/${invitation.id}`)
          .send(await invitationOf(actor.partnerId, invitation.id));
      },
    );

    route.get(
      "/users/invitations/:id",
      {
        ...forSuperAdmins,
        schema: {
          operationId: "getUserInvitation",
          tags,
          summary: "One open invitation of the partner; 404 once accepted or revoked",
          params: idParams,
          response: { 200: pendingInvitation },
        },
      },
      async (request, _reply, actor) => invitationOf(actor.partnerId, request.params.id),
    );

    route.post(
      "/users/invitations/:id/resend",
      {
        ...forSuperAdmins,
        schema: {
          operationId: "resendUserInvitation",
          tags,
          summary:
            "Send an invitation again: a new link for 7 more days; the old link stops working",
          params: idParams,
          response: { 200: pendingInvitation },
        },
      },
      async (request, _reply, actor) => {
        await resendInvitation({
          db,
          clock,
          publicUrl,
          actor,
          invitationId: request.params.id,
          address: request.ip,
        });
        return invitationOf(actor.partnerId, request.params.id);
      },
    );

    route.post(
      "/users/invitations/:id/revoke",
      {
        ...forSuperAdmins,
        schema: {
          operationId: "revokeUserInvitation",
          tags,
          summary: "Revoke an invitation: its link stops working",
          params: idParams,
          response: { 200: partnerPeople },
        },
      },
      async (request, _reply, actor) => {
        const now = clock.now();
        await revokeInvitation({
          db,
          actor,
          invitationId: request.params.id,
          now,
          address: request.ip,
        });
        return listPartnerPeople(db, actor.partnerId, now);
      },
    );

    route.put(
      "/users/:id/type",
      {
        ...forSuperAdmins,
        schema: {
          operationId: "setUserType",
          errors: ["LAST_SUPER_ADMIN"],
          tags,
          summary: "Make a user SuperAdmin or give it an account-level type",
          description:
            "The partner's last active SuperAdmin cannot be given another type: 409 `LAST_SUPER_ADMIN`.",
          params: userParams,
          body: userTypeBody,
          response: { 200: managedUser },
        },
      },
      async (request, _reply, actor) => {
        await changeUserType({
          db,
          actor,
          userId: request.params.id,
          userType: request.body.userType,
          now: clock.now(),
          address: request.ip,
        });
        return findPartnerUser(db, actor.partnerId, request.params.id);
      },
    );

    route.post(
      "/users/:id/deactivate",
      {
        ...forSuperAdmins,
        schema: {
          operationId: "deactivateUser",
          errors: ["LAST_SUPER_ADMIN"],
          tags,
          summary: "Deactivate a user: its sessions end at once and it cannot sign in",
          description:
            "Nobody deactivates themselves, and the last active SuperAdmin cannot be deactivated (409 `LAST_SUPER_ADMIN`). Deactivating again changes nothing.",
          params: userParams,
          response: { 200: managedUser },
        },
      },
      async (request, _reply, actor) => {
        await deactivateUser({
          db,
          actor,
          userId: request.params.id,
          now: clock.now(),
          address: request.ip,
        });
        return findPartnerUser(db, actor.partnerId, request.params.id);
      },
    );

    route.post(
      "/users/:id/reactivate",
      {
        ...forSuperAdmins,
        schema: {
          operationId: "reactivateUser",
          tags,
          summary: "Reactivate a user: it can sign in again with its type and access",
          params: userParams,
          response: { 200: managedUser },
        },
      },
      async (request, _reply, actor) => {
        await reactivateUser({
          db,
          actor,
          userId: request.params.id,
          now: clock.now(),
          address: request.ip,
        });
        return findPartnerUser(db, actor.partnerId, request.params.id);
      },
    );

    route.get(
      "/accounts/:id/users",
      {
        ...forSuperAdmins,
        schema: {
          operationId: "listAccountUsers",
          tags,
          summary: "Users with access to the account (SuperAdmins reach every account)",
          params: idParams,
          response: { 200: accountUsers },
        },
      },
      async (request, _reply, actor) => ({
        items: await listAccountUsers(db, actor, request.params.id),
      }),
    );

    route.post(
      "/accounts/:id/users",
      {
        ...forSuperAdmins,
        schema: {
          operationId: "grantAccountAccess",
          tags,
          summary: "Give an account-level user access to the account",
          description: "Granting access the user already has changes nothing.",
          params: idParams,
          body: grantAccessBody,
          response: { 200: accountUsers },
        },
      },
      async (request, _reply, actor) => {
        await grantAccess({
          db,
          actor,
          accountId: request.params.id,
          userId: request.body.userId,
          now: clock.now(),
          address: request.ip,
        });
        return { items: await listAccountUsers(db, actor, request.params.id) };
      },
    );

    route.delete(
      "/accounts/:id/users/:userId",
      {
        ...forSuperAdmins,
        schema: {
          operationId: "revokeAccountAccess",
          tags,
          summary: "Take the account away from a user",
          description: "Revoking access the user does not have changes nothing.",
          params: accountUserParams,
          response: { 200: accountUsers },
        },
      },
      async (request, _reply, actor) => {
        await revokeAccess({
          db,
          actor,
          accountId: request.params.id,
          userId: request.params.userId,
          now: clock.now(),
          address: request.ip,
        });
        return { items: await listAccountUsers(db, actor, request.params.id) };
      },
    );
  };
}
