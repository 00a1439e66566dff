import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { securityLogPage, securityLogQuery } from "../../shared/api/security-log.ts";
import { type Actor, type Caller, callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { Database } from "../db/client.ts";
import { Problem } from "../errors.ts";
import { listSecurityEvents } from "./queries.ts";

/** SuperAdmins read their partner's log; Customer Success reads everyone's. */
const logReaders = (caller: Caller | null): Actor => {
  const actor = callers.signedIn(caller);
  if (actor.kind === "partner_user" && !actor.isSuperAdmin) {
    throw new Problem("FORBIDDEN", "The security log is for SuperAdmins and Customer Success.");
  }
  return actor;
};

export function securityLogRoutes({ db }: { db: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    guarded(app).get(
      "/security-log",
      {
        callers: logReaders,
        schema: {
          operationId: "listSecurityLog",
          tags: ["security log"],
          summary:
            "Who did what to people and access, newest first: the partner's (SuperAdmin) or everyone's (Customer Success)",
          description:
            "Filters combine. A SuperAdmin always gets their partner's events, whatever `partnerId` says. Page with `before` set to the previous page's `next`.",
          querystring: securityLogQuery,
          response: { 200: securityLogPage },
        },
      },
      async (request, _reply, actor) => listSecurityEvents(db, actor, request.query),
    );
  };
}
