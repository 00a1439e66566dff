import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams } from "../../shared/api/common.ts";
import {
  invitePersonBody,
  partner,
  partnerBody,
  partnerDetail,
  partnerListQuery,
  partnerPage,
} from "../../shared/api/partners.ts";
import { pendingInvitation } from "../../shared/api/people.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { KeyVerifier } from "../auth/api-key-verifier.ts";
import type { Database } from "../db/client.ts";
import { notFound } from "../errors.ts";
import { inviteUser } from "../invitations/invite-user.ts";
import { pendingInvitations } from "../invitations/queries.ts";
import { changePartner } from "./change-partner.ts";
import { createPartner } from "./create-partner.ts";
import { findPartner, findPartnerDetail, listPartners } from "./queries.ts";
import { reinstatePartner } from "./reinstate-partner.ts";
import { suspendPartner } from "./suspend-partner.ts";

const TAGS = ["partners"];

export function partnerRoutes({
  db,
  clock,
  publicUrl,
  keys,
}: {
  db: Database;
  clock: Clock;
  /** Where invitation links point. */
  publicUrl: string;
  /** Forgets a suspended partner's API keys on this server at once. */
  keys: KeyVerifier;
}): FastifyPluginAsyncZod {
  const present = async (id: string) => {
    const found = await findPartner(db, id);
    if (!found) throw notFound("partner");
    return found;
  };

  return async (app) => {
    const route = guarded(app);
    route.get(
      "/partners",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "listPartners",
          tags: TAGS,
          summary: "Every partner, by name, with its status and how many users and accounts it has",
          querystring: partnerListQuery,
          response: { 200: partnerPage },
        },
      },
      async (request) => listPartners(db, request.query),
    );

    route.post(
      "/partners",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "createPartner",
          errors: ["PARTNER_NAME_TAKEN"],
          tags: TAGS,
          summary: "Create a partner; its name is unique (409 PARTNER_NAME_TAKEN)",
          body: partnerBody,
          response: { 201: partner },
        },
      },
      async (request, reply, actor) => {
        const id = await createPartner({
          db,
          actor,
          values: request.body,
          now: clock.now(),
          address: request.ip,
        });
        return reply
          .status(201)
          .header("location", `/api/v1/partners/${id}`)
          .send(await present(id));
      },
    );

    route.get(
      "/partners/:id",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "getPartner",
          tags: TAGS,
          summary: "A partner with its users, its open invitations and its accounts",
          params: idParams,
          response: { 200: partnerDetail },
        },
      },
      async (request) => {
        const found = await findPartnerDetail(db, request.params.id, clock.now());
        if (!found) throw notFound("partner");
        return found;
      },
    );

    route.put(
      "/partners/:id",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "updatePartner",
          errors: ["PARTNER_NAME_TAKEN"],
          tags: TAGS,
          summary: "Rename a partner or change its country, time zone or default language",
          params: idParams,
          body: partnerBody,
          response: { 200: partner },
        },
      },
      async (request, _reply, actor) => {
        await changePartner({
          db,
          actor,
          partnerId: request.params.id,
          values: request.body,
          now: clock.now(),
          address: request.ip,
        });
        return present(request.params.id);
      },
    );

    route.post(
      "/partners/:id/suspend",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "suspendPartner",
          tags: TAGS,
          summary:
            "Suspend a partner: its users' sessions end at once and they cannot sign in; nothing is removed",
          params: idParams,
          response: { 200: partner },
        },
      },
      async (request, _reply, actor) => {
        await suspendPartner({
          db,
          actor,
          partnerId: request.params.id,
          now: clock.now(),
          address: request.ip,
        });
        keys.forgetPartner(request.params.id);
        return present(request.params.id);
      },
    );

    route.post(
      "/partners/:id/reinstate",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "reinstatePartner",
          tags: TAGS,
          summary: "Reinstate a suspended partner: its users can sign in again",
          params: idParams,
          response: { 200: partner },
        },
      },
      async (request, _reply, actor) => {
        await reinstatePartner({
          db,
          actor,
          partnerId: request.params.id,
          now: clock.now(),
          address: request.ip,
        });
        return present(request.params.id);
      },
    );

    route.post(
      "/partners/:id/super-admin-invitations",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "inviteSuperAdmin",
          errors: ["EMAIL_ALREADY_IN_USE"],
          tags: TAGS,
          summary: "Invite a SuperAdmin of the partner (its first one, say) by e-mail",
          description:
            "The e-mail is in the partner's default language unless `language` says otherwise. 409 `EMAIL_ALREADY_IN_USE` when the address has a user or an open invitation.",
          params: idParams,
          body: invitePersonBody,
          response: { 201: pendingInvitation },
        },
      },
      async (request, reply, actor) => {
        const partnerId = request.params.id;
        const { invitation } = await inviteUser({
          db,
          clock,
          publicUrl,
          invitedBy: actor,
          partnerId,
          userType: "super_admin",
          ...request.body,
          address: request.ip,
        });
        const sent = (await pendingInvitations(db, partnerId, clock.now())).find(
          (pending) => pending.id === invitation.id,
        );
        if (!sent) throw new Error("the invitation just sent is not pending");
        return reply
          .status(201)
          .header("location", `/api/v1/staff/invitations/${invitation.id}`)
          .send(sent);
      },
    );
  };
}
