import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  acceptedInvitation,
  acceptInvitationBody,
  invitationParams,
  invitationView,
} from "../../shared/api/invitations.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { Database } from "../db/client.ts";
import { acceptInvitation } from "./accept-invitation.ts";
import { viewInvitation } from "./queries.ts";

/** The invitation link, opened by someone who has no account yet. */
export function invitationRoutes({
  db,
  clock,
}: {
  db: Database;
  clock: Clock;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const route = guarded(app);
    route.get(
      "/invitations/:token",
      {
        callers: callers.anyone,
        schema: {
          operationId: "getInvitationLink",
          errors: ["INVITATION_EXPIRED"],
          tags: ["Invitations"],
          summary: "Who an invitation link is for, and to what",
          description:
            "404 `NOT_FOUND` when the link was used, revoked or replaced by a newer one; 410 `INVITATION_EXPIRED` when it has expired.",
          security: [],
          params: invitationParams,
          response: { 200: invitationView },
        },
      },
      async (request) => viewInvitation(db, request.params.token, clock.now()),
    );

    route.post(
      "/invitations/:token/accept",
      {
        callers: callers.anyone,
        schema: {
          operationId: "acceptInvitation",
          errors: ["INVITATION_EXPIRED"],
          tags: ["Invitations"],
          summary: "Accept an invitation: choose a password; the user then signs in with it",
          description:
            "Creates the user with the invited type (or as Customer Success) and the invited account's access; the link works once.",
          security: [],
          params: invitationParams,
          body: acceptInvitationBody,
          response: { 201: acceptedInvitation },
        },
      },
      async (request, reply) => {
        const { email } = await acceptInvitation({
          db,
          clock,
          token: request.params.token,
          password: request.body.password,
          address: request.ip,
        });
        // The user now exists; it reads itself at /me once signed in.
        return reply.status(201).header("location", "/api/v1/me").send({ email });
      },
    );
  };
}
