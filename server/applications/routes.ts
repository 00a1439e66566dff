import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  application,
  applicationListQuery,
  applicationPage,
  approveBody,
  autoApprovalRule,
  autoApprovalRuleBody,
  autoApprovalRuleParams,
  fileApplicationBody,
  rejectBody,
} from "../../shared/api/applications.ts";
import { idParams } from "../../shared/api/common.ts";
import { applicationsCsv } from "../../shared/api/csv-exports.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { type Actor, callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import { type CatalogueReader, catalogueOnce } from "../catalogue/queries.ts";
import type { Database } from "../db/client.ts";
import { notFound } from "../errors.ts";
import { everyItem, sendCsv } from "../exports/csv.ts";
import type { Notices } from "../notices/notices.ts";
import { listAutoApprovalRules, setAutoApprovalRule } from "./auto-approval.ts";
import { approveApplication, rejectApplication } from "./decide-application.ts";
import { fileApplication } from "./file-application.ts";
import { findApplication, listApplications } from "./queries.ts";
import { withdrawApplication } from "./withdraw-application.ts";

export function applicationRoutes({
  db,
  clock,
  notices,
}: {
  db: Database;
  clock: Clock;
  notices: Notices;
}): FastifyPluginAsyncZod {
  /** Each request reads the catalogue once, for its use case, its notices and its answer alike. */
  const present = async (actor: Actor, id: string, catalogue: CatalogueReader) => {
    const found = await findApplication(db, actor, id, { now: clock.now(), catalogue });
    if (!found) throw notFound("application");
    return found;
  };

  return async (app) => {
    const route = guarded(app);
    route.get(
      "/account-management/applications",
      {
        callers: callers.superAdmin,
        schema: {
          operationId: "listApplications",
          tags: ["account management"],
          summary: "The Applications zone: the portfolio's applications, pending first",
          querystring: applicationListQuery.omit({ partnerId: true }),
          response: { 200: applicationPage },
        },
      },
      async (request, _reply, actor) =>
        listApplications(db, actor, request.query, {
          now: clock.now(),
          catalogue: catalogueOnce(),
        }),
    );

    route.get(
      "/account-management/applications/export.csv",
      {
        callers: callers.superAdmin,
        schema: {
          operationId: "exportApplications",
          produces: ["text/csv"],
          tags: ["account management"],
          summary: "The Applications zone as a CSV file, pending first, with its filters",
          querystring: applicationListQuery.omit({
            partnerId: true,
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
        const reading = { now: clock.now(), catalogue: catalogueOnce() };
        const items = await everyItem((page, pageSize, after) =>
          listApplications(db, actor, { ...request.query, page, pageSize, after }, reading),
        );
        return sendCsv(reply, "applications.csv", applicationsCsv(items ?? []));
      },
    );

    route.post(
      "/account-management/applications",
      {
        callers: callers.superAdmin,
        schema: {
          operationId: "fileApplication",
          errors: [
            "ACCOUNT_EXPIRED",
            "APPLICATION_ALREADY_PENDING",
            "ACCOUNT_NAME_TAKEN",
            "APPLICATION_NO_LONGER_VALID",
            // The account named in the body may be missing or another partner's.
            "NOT_FOUND",
          ],
          tags: ["account management"],
          summary: "File an application for Customer Success to review",
          body: fileApplicationBody,
          response: { 201: application },
        },
      },
      async (request, reply, actor) => {
        const catalogue = catalogueOnce();
        const id = await fileApplication({
          db,
          actor,
          filing: request.body,
          now: clock.now(),
          notices,
          catalogue,
        });
        return reply
          .status(201)
          .header("location", `/api/v1/account-management/applications/${id}`)
          .send(await present(actor, id, catalogue));
      },
    );

    route.get(
      "/account-management/applications/:id",
      {
        callers: callers.superAdmin,
        schema: {
          operationId: "getApplication",
          tags: ["account management"],
          summary: "One application of the portfolio",
          params: idParams,
          response: { 200: application },
        },
      },
      async (request, _reply, actor) => present(actor, request.params.id, catalogueOnce()),
    );

    route.post(
      "/account-management/applications/:id/withdraw",
      {
        callers: callers.superAdmin,
        schema: {
          operationId: "withdrawApplication",
          errors: ["APPLICATION_NOT_PENDING"],
          tags: ["account management"],
          summary: "Withdraw a pending application you filed",
          params: idParams,
          response: { 200: application },
        },
      },
      async (request, _reply, actor) => {
        const catalogue = catalogueOnce();
        await withdrawApplication({
          db,
          actor,
          applicationId: request.params.id,
          now: clock.now(),
          catalogue,
        });
        return present(actor, request.params.id, catalogue);
      },
    );

    route.get(
      "/review/applications",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "listApplicationsToReview",
          tags: ["review"],
          summary: "Customer Success review queue: every partner's applications, pending first",
          querystring: applicationListQuery,
          response: { 200: applicationPage },
        },
      },
      async (request, _reply, actor) =>
        listApplications(db, actor, request.query, {
          now: clock.now(),
          catalogue: catalogueOnce(),
        }),
    );

    route.get(
      "/review/applications/:id",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "getApplicationToReview",
          tags: ["review"],
          summary: "One application to review",
          params: idParams,
          response: { 200: application },
        },
      },
      async (request, _reply, actor) => present(actor, request.params.id, catalogueOnce()),
    );

    route.post(
      "/review/applications/:id/approve",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "approveApplication",
          errors: ["APPLICATION_NOT_PENDING", "APPLICATION_NO_LONGER_VALID"],
          tags: ["review"],
          summary: "Approve and apply the change, in one transaction",
          params: idParams,
          body: approveBody,
          response: { 200: application },
        },
      },
      async (request, _reply, actor) => {
        const catalogue = catalogueOnce();
        await approveApplication({
          db,
          actor,
          applicationId: request.params.id,
          comment: request.body.comment ?? "",
          now: clock.now(),
          notices,
          catalogue,
        });
        return present(actor, request.params.id, catalogue);
      },
    );

    route.post(
      "/review/applications/:id/reject",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "rejectApplication",
          errors: ["APPLICATION_NOT_PENDING"],
          tags: ["review"],
          summary: "Reject with a comment for the requester",
          params: idParams,
          body: rejectBody,
          response: { 200: application },
        },
      },
      async (request, _reply, actor) => {
        const catalogue = catalogueOnce();
        await rejectApplication({
          db,
          actor,
          applicationId: request.params.id,
          comment: request.body.comment,
          now: clock.now(),
          notices,
          catalogue,
        });
        return present(actor, request.params.id, catalogue);
      },
    );
    route.get(
      "/review/auto-approval-rules",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "listAutoApprovalRules",
          tags: ["review"],
          summary: "Which kinds of application are approved on filing",
          response: { 200: z.array(autoApprovalRule) },
        },
      },
      async () => listAutoApprovalRules(db),
    );

    route.put(
      "/review/auto-approval-rules/:kind",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "setAutoApprovalRule",
          tags: ["review"],
          summary: "Approve a kind of application on filing, or send it to review again",
          params: autoApprovalRuleParams,
          body: autoApprovalRuleBody,
          response: { 200: z.array(autoApprovalRule) },
        },
      },
      async (request, _reply, actor) => {
        await setAutoApprovalRule(
          db,
          actor,
          request.params.kind,
          request.body.enabled,
          clock.now(),
          request.ip,
        );
        return listAutoApprovalRules(db);
      },
    );
  };
}
