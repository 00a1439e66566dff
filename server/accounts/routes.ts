import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  accountDetail,
  accountListQuery,
  accountPage,
  billingContactBody,
} from "../../shared/api/accounts.ts";
import { historyPage } from "../../shared/api/applications.ts";
import { idParams, pageQuery } from "../../shared/api/common.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { access, requireActor, requirePartnerUser, requireSuperAdmin } from "../auth/actor.ts";
import type { Database } from "../db/client.ts";
import { notFound } from "../http/problems.ts";
import { setBillingContact } from "./billing-contact.ts";
import { listHistory } from "./history.ts";
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
    app.get(
      "/accounts/:id/history",
      {
        onRequest: access.signedIn,
        schema: {
          tags: ["accounts"],
          summary: "Every application of the account and every change it made, newest first",
          params: idParams,
          querystring: z.object(pageQuery),
          response: { 200: historyPage },
        },
      },
      async (request) => {
        const history = await listHistory(
          db,
          requireActor(request),
          request.params.id,
          request.query,
        );
        if (!history) throw notFound("account");
        return history;
      },
    );

    app.put(
      "/account-management/accounts/:id/billing-contact",
      {
        onRequest: access.superAdmin,
        schema: {
          tags: ["account management"],
          summary: "Set or clear who besides the SuperAdmins gets the account's reminders",
          params: idParams,
          body: billingContactBody,
          response: { 200: accountDetail },
        },
      },
      async (request) => {
        const actor = requireSuperAdmin(request);
        await setBillingContact({
          db,
          actor,
          accountId: request.params.id,
          email: request.body.email,
        });
        const account = await findAccount(db, actor, request.params.id, clock.now());
        if (!account) throw notFound("account");
        return account;
      },
    );
  };
}
