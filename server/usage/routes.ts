/**
 * The usage API: what the rest of the platform calls, with an API key, before it stores a datapoint
 * or sends an SMS alert. Reading is also open to the people who can see the account (the account
 * page lists its datapoints); SuperAdmins may register and release (the web app's CSV import).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../shared/api/common.ts";
import { datapointsCsv } from "../../shared/api/csv-exports.ts";
import {
  accountUsage,
  datapointListQuery,
  datapointPage,
  idempotencyHeaders,
  reachableAccountPage,
  reachableAccountQuery,
  registrationResult,
  releaseResult,
  smsSpendingResult,
  usageHistory,
  usageHistoryQuery,
} from "../../shared/api/usage.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { datapointRegistration, datapointRelease, smsSpending } from "../../shared/domain/usage.ts";
import { callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { Database } from "../db/client.ts";
import { notFound, problemDocument } from "../errors.ts";
import { everyItem, sendCsv } from "../exports/csv.ts";
import { readUsageHistory } from "./history.ts";
import { idempotently, markReplay, rememberingOf } from "./idempotency.ts";
import { listDatapoints, listReachableAccounts, readUsage } from "./queries.ts";
import { presentRegistration, registerDatapoints } from "./register-datapoints.ts";
import { presentRelease, releaseDatapoints } from "./release-datapoints.ts";
import { spendSmsCredits } from "./spend-sms-credits.ts";

const security: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];

/** RFC 8288 `Link` to the page after `cursor`: this request's address, its filters kept. */
function nextLink(url: string, cursor: string): string {
  const next = new URL(url, "http://wattfolio.invalid");
  next.searchParams.delete("page");
  next.searchParams.set("after", cursor);
  return `<${next.pathname}${next.search}>; rel="next"`;
}
const tags = ["usage"];

export function usageRoutes({ db, clock }: { db: Database; clock: Clock }): FastifyPluginAsyncZod {
  return async (app) => {
    const route = guarded(app);
    route.get(
      "/usage/accounts",
      {
        callers: callers.anyCaller,
        schema: {
          operationId: "listReachableAccounts",
          tags,
          security,
          summary: "The accounts the caller reaches, by name: an API key discovers its accounts",
          description:
            "An account-scoped key reaches its one account, a partner's key every account of the partner, a platform key every account; a person the accounts they may see. `status` is as of today in the partner's time zone.",
          pagedByLink: true,
          querystring: reachableAccountQuery,
          response: { 200: reachableAccountPage },
        },
      },
      async (request, reply, caller) => {
        const page = await listReachableAccounts(db, caller, request.query, clock.now());
        if (page.next) reply.header("link", nextLink(request.url, page.next));
        return page;
      },
    );

    route.get(
      "/usage/accounts/:id",
      {
        callers: callers.anyCaller,
        schema: {
          operationId: "getAccountUsage",
          tags,
          security,
          summary: "An account's entitlements: contracted, used and left",
          params: idParams,
          response: { 200: accountUsage },
        },
      },
      async (request, _reply, actor) => {
        const usage = await readUsage(db, actor, request.params.id, clock.now());
        if (!usage) throw notFound("account");
        return usage;
      },
    );

    route.get(
      "/usage/accounts/:id/history",
      {
        callers: callers.anyCaller,
        schema: {
          operationId: "getUsageHistory",
          tags,
          security,
          summary: "The account's usage by day, week or month between two dates",
          description:
            "One period per day, ISO week or calendar month of the partner's calendar, whole, from the one containing `from` to the one containing `to`: datapoints used and contracted and SMS credits left at its end, datapoints registered and released and SMS credits spent during it. At most 400 periods.",
          params: idParams,
          querystring: usageHistoryQuery,
          response: { 200: usageHistory },
        },
      },
      async (request, _reply, actor) => {
        const history = await readUsageHistory(db, actor, request.params.id, request.query);
        if (!history) throw notFound("account");
        return history;
      },
    );

    route.get(
      "/usage/accounts/:id/datapoints",
      {
        callers: callers.anyCaller,
        schema: {
          operationId: "listDatapoints",
          tags,
          security,
          summary: "The account's registered datapoints, by device then name",
          pagedByLink: true,
          params: idParams,
          querystring: datapointListQuery,
          response: { 200: datapointPage },
        },
      },
      async (request, reply, actor) => {
        const page = await listDatapoints(db, actor, request.params.id, request.query);
        if (!page) throw notFound("account");
        if (page.next) reply.header("link", nextLink(request.url, page.next));
        return page;
      },
    );

    route.get(
      "/usage/accounts/:id/datapoints/export.csv",
      {
        callers: callers.anyCaller,
        schema: {
          operationId: "exportDatapoints",
          produces: ["text/csv"],
          tags,
          security,
          summary: "The account's registered datapoints as a CSV file the import reads back",
          params: idParams,
          querystring: datapointListQuery.omit({
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
      async (request, reply, caller) => {
        const items = await everyItem((page, pageSize, after) =>
          listDatapoints(db, caller, request.params.id, {
            ...request.query,
            page,
            pageSize,
            after,
          }),
        );
        if (!items) throw notFound("account");
        return sendCsv(reply, "datapoints.csv", datapointsCsv(items));
      },
    );

    route.post(
      "/usage/accounts/:id/datapoints",
      {
        callers: callers.datapointRegistrar,
        schema: {
          operationId: "registerDatapoints",
          errors: ["ACCOUNT_EXPIRED", "QUOTA_EXCEEDED", "IDEMPOTENCY_KEY_REUSED"],
          tags,
          security,
          summary: "Register 1 to 1,000 datapoints, all or nothing",
          description:
            "Billable kinds count against the contract; the others are recorded and never count. An external id already registered is reported in `alreadyRegistered` and does not count again. When the batch does not fit, nothing is registered: 409 `QUOTA_EXCEEDED` with `datapointsLeft`. An expired account answers 409 `ACCOUNT_EXPIRED`.",
          params: idParams,
          headers: idempotencyHeaders,
          body: datapointRegistration,
          response: { 200: registrationResult, 409: problemDocument, 422: problemDocument },
        },
      },
      async (request, reply, caller) => {
        const now = clock.now();
        const answer = await idempotently(db, rememberingOf(request, caller, now), (remembering) =>
          registerDatapoints({
            db,
            caller,
            accountId: request.params.id,
            batch: request.body.datapoints,
            now,
            remembering,
          }),
        );
        markReplay(reply, answer);
        return presentRegistration(answer.result);
      },
    );

    route.post(
      "/usage/accounts/:id/datapoints/release",
      {
        callers: callers.datapointRegistrar,
        schema: {
          operationId: "releaseDatapoints",
          errors: ["IDEMPOTENCY_KEY_REUSED"],
          tags,
          security,
          summary: "Release datapoints by id or external id: the units are free at once",
          description:
            "Works on expired accounts too. What is not registered (any more) is listed in `notRegistered`; releasing twice is harmless.",
          params: idParams,
          headers: idempotencyHeaders,
          body: datapointRelease,
          response: { 200: releaseResult, 422: problemDocument },
        },
      },
      async (request, reply, caller) => {
        const now = clock.now();
        const answer = await idempotently(db, rememberingOf(request, caller, now), (remembering) =>
          releaseDatapoints({
            db,
            caller,
            accountId: request.params.id,
            release: request.body,
            now,
            remembering,
          }),
        );
        markReplay(reply, answer);
        return presentRelease(answer.result, request.body);
      },
    );

    route.post(
      "/usage/accounts/:id/sms-credits/spend",
      {
        callers: callers.integration,
        schema: {
          operationId: "spendSmsCredits",
          errors: ["ACCOUNT_EXPIRED", "INSUFFICIENT_SMS_CREDITS", "IDEMPOTENCY_KEY_REUSED"],
          tags,
          security: [{ apiKey: [] }],
          summary: "Spend SMS credits from the account's balance",
          description:
            "When the balance is not enough nothing is spent: 409 `INSUFFICIENT_SMS_CREDITS` with `smsCreditsLeft`. An expired account answers 409 `ACCOUNT_EXPIRED`.",
          params: idParams,
          headers: idempotencyHeaders,
          body: smsSpending,
          response: { 200: smsSpendingResult, 409: problemDocument, 422: problemDocument },
        },
      },
      async (request, reply, caller) => {
        const now = clock.now();
        const answer = await idempotently(db, rememberingOf(request, caller, now), (remembering) =>
          spendSmsCredits({
            db,
            caller,
            accountId: request.params.id,
            credits: request.body.credits,
            now,
            remembering,
          }),
        );
        markReplay(reply, answer);
        return answer.result;
      },
    );
  };
}
