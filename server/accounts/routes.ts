import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  accountDetail,
  accountListQuery,
  accountPage,
  billingContactBody,
  zoneAccountPage,
} from "../../shared/api/accounts.ts";
import { historyPage, historyQuery } from "../../shared/api/applications.ts";
import { idParams } from "../../shared/api/common.ts";
import { zoneAccountsCsv } from "../../shared/api/csv-exports.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import { catalogueOnce } from "../catalogue/queries.ts";
import type { Database } from "../db/client.ts";
import { notFound } from "../errors.ts";
import { everyItem, sendCsv } from "../exports/csv.ts";
import { setBillingContact } from "./billing-contact.ts";
import { listHistory } from "./history.ts";
import { findAccount, listAccounts, listZoneAccounts } from "./queries.ts";

export function accountRoutes({
  db,
  clock,
}: {
  db: Database;
  clock: Clock;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const route = guarded(app);
    route.get(
      "/accounts",
      {
        callers: callers.partnerUser,
        schema: {
          operationId: "listAccounts",
          tags: ["accounts"],
          summary: "The accounts the signed-in user can see (home screen)",
          querystring: accountListQuery.extend({
            zone: z.enum(["active", "expired", "all"]).default("all"),
          }),
          response: { 200: accountPage },
        },
      },
      async (request, _reply, actor) => listAccounts(db, actor, request.query, clock.now()),
    );

    route.get(
      "/account-management/accounts",
      {
        callers: callers.superAdmin,
        schema: {
          operationId: "listManagedAccounts",
          tags: ["account management"],
          summary:
            "Active or expired accounts of the SuperAdmin's portfolio, with their pending applications",
          querystring: accountListQuery,
          response: { 200: zoneAccountPage },
        },
      },
      async (request, _reply, actor) => listZoneAccounts(db, actor, request.query, clock.now()),
    );

    route.get(
      "/account-management/accounts/export.csv",
      {
        callers: callers.superAdmin,
        schema: {
          operationId: "exportManagedAccounts",
          produces: ["text/csv"],
          tags: ["account management"],
          summary:
            "The Active or Expired accounts zone as a CSV file, with its search, filter and order",
          querystring: accountListQuery.omit({
            page: true,
            pageSize: true,
            after: true,
            before: true,
          }),
          response: {
            200: z.string().meta({ description: "CSV (RFC 4180), UTF-8 with a byte order mark" }),
          },
        },
      },
      async (request, reply, actor) => {
        const now = clock.now();
        const items = await everyItem((page, pageSize, after) =>
          listZoneAccounts(db, actor, { ...request.query, page, pageSize, after }, now),
        );
        return sendCsv(reply, `${request.query.zone}-accounts.csv`, zoneAccountsCsv(items ?? []));
      },
    );

    route.get(
      "/accounts/:id",
      {
        callers: callers.signedIn,
        schema: {
          operationId: "getAccount",
          tags: ["accounts"],
          summary: "One account with its entitlements and term",
          params: idParams,
          response: { 200: accountDetail },
        },
      },
      async (request, _reply, actor) => {
        const account = await findAccount(db, actor, request.params.id, clock.now());
        if (!account) throw notFound("account");
        return account;
      },
    );
    route.get(
      "/accounts/:id/history",
      {
        callers: callers.signedIn,
        schema: {
          operationId: "getAccountHistory",
          tags: ["accounts"],
          summary: "Every application of the account and every change it made, newest first",
          params: idParams,
          querystring: historyQuery,
          response: { 200: historyPage },
        },
      },
      async (request, _reply, actor) => {
        const history = await listHistory(
          db,
          actor,
          request.params.id,
          request.query,
          catalogueOnce(),
        );
        if (!history) throw notFound("account");
        return history;
      },
    );

    route.put(
      "/account-management/accounts/:id/billing-contact",
      {
        callers: callers.superAdmin,
        schema: {
          operationId: "setBillingContact",
          tags: ["account management"],
          summary: "Set or clear who besides the SuperAdmins gets the account's reminders",
          params: idParams,
          body: billingContactBody,
          response: { 200: accountDetail },
        },
      },
      async (request, _reply, actor) => {
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
