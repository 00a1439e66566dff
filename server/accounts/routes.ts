import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { accountDetail, accountListQuery, accountPage } from "../../shared/api/accounts.ts";
import { idParams } from "../../shared/api/common.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { access, requireActor, requirePartnerUser, requireSuperAdmin } from "../auth/actor.ts";
import type { Database } from "../db/client.ts";
import { notFound } from "../http/problems.ts";
import { findAccount, listAccounts } from "./queries.ts";

export function accountRoutes({
  db,
  clock,
}: {
  db: Database;
  clock: Clock;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/accounts",
      {
        onRequest: access.partnerUser,
        schema: {
          tags: ["accounts"],
          summary: "The accounts the signed-in user can see (home screen)",
          querystring: accountListQuery.extend({
            zone: z.enum(["active", "expired", "all"]).default("all"),
          }),
          response: { 200: accountPage },
        },
      },
      async (request) => listAccounts(db, requirePartnerUser(request), request.query, clock.now()),
    );

    app.get(
      "/account-management/accounts",
      {
        onRequest: access.superAdmin,
        schema: {
          tags: ["account management"],
          summary: "Active or expired accounts of the SuperAdmin's portfolio",
          querystring: accountListQuery,
          response: { 200: accountPage },
        },
      },
      async (request) => listAccounts(db, requireSuperAdmin(request), request.query, clock.now()),
    );

    app.get(
      "/accounts/:id",
      {
        onRequest: access.signedIn,
        schema: {
          tags: ["accounts"],
          summary: "One account with its entitlements and term",
          params: idParams,
          response: { 200: accountDetail },
        },
      },
      async (request) => {
        const account = await findAccount(
          db,
          requireActor(request),
          request.params.id,
          clock.now(),
        );
        if (!account) throw notFound("account");
        return account;
      },
    );
  };
}
