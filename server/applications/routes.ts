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
import type { Clock } from "../../shared/domain/clock.ts";
import { type Actor, access, requireCustomerSuccess, requireSuperAdmin } from "../auth/actor.ts";
import type { Database } from "../db/client.ts";
import { notFound } from "../http/problems.ts";
import type { Notices } from "../lifecycle/notices.ts";
import { listAutoApprovalRules, setAutoApprovalRule } from "./auto-approval.ts";
import { findApplication, listApplications } from "./queries.ts";
import {
  approveApplication,
  fileApplication,
  rejectApplication,
  withdrawApplication,
} from "./service.ts";

export function applicationRoutes({
  db,
  clock,
  notices,
}: {
  db: Database;
  clock: Clock;
  notices: Notices;
}): FastifyPluginAsyncZod {
  const present = async (actor: Actor, id: string) => {
    const found = await findApplication(db, actor, id, clock.now());
    if (!found) throw notFound("application");
    return found;
  };

  return async (app) => {
    app.get(
      "/account-management/applications",
      {
        onRequest: access.superAdmin,
        schema: {
          tags: ["account management"],
          summary: "The Applications zone: the portfolio's applications, pending first",
          querystring: applicationListQuery.omit({ partnerId: true }),
          response: { 200: applicationPage },
        },
      },
      async (request) =>
        listApplications(db, requireSuperAdmin(request), request.query, clock.now()),
    );

    app.post(
      "/account-management/applications",
      {
        onRequest: access.superAdmin,
        schema: {
          tags: ["account management"],
          summary: "File an application for Customer Success to review",
          body: fileApplicationBody,
          response: { 201: application },
        },
      },
      async (request, reply) => {
        const actor = requireSuperAdmin(request);
        const id = await fileApplication({
          db,
          actor,
          filing: request.body,
          now: clock.now(),
          notices,
        });
        return reply.status(201).send(await present(actor, id));
      },
    );

    app.get(
      "/account-management/applications/:id",
      {
        onRequest: access.superAdmin,
        schema: {
          tags: ["account management"],
          summary: "One application of the portfolio",
          params: idParams,
          response: { 200: application },
        },
      },
      async (request) => present(requireSuperAdmin(request), request.params.id),
    );

    app.post(
      "/account-management/applications/:id/withdraw",
      {
        onRequest: access.superAdmin,
        schema: {
          tags: ["account management"],
          summary: "Withdraw a pending application you filed",
          params: idParams,
          response: { 200: application },
        },
      },
      async (request) => {
        const actor = requireSuperAdmin(request);
        await withdrawApplication({
          db,
          actor,
          applicationId: request.params.id,
          now: clock.now(),
        });
        return present(actor, request.params.id);
      },
    );

    app.get(
      "/review/applications",
      {
        onRequest: access.customerSuccess,
        schema: {
          tags: ["review"],
          summary: "Customer Success review queue: every partner's applications, pending first",
          querystring: applicationListQuery,
          response: { 200: applicationPage },
        },
      },
      async (request) =>
        listApplications(db, requireCustomerSuccess(request), request.query, clock.now()),
    );

    app.get(
      "/review/applications/:id",
      {
        onRequest: access.customerSuccess,
        schema: {
          tags: ["review"],
          summary: "One application to review",
          params: idParams,
          response: { 200: application },
        },
      },
      async (request) => present(requireCustomerSuccess(request), request.params.id),
    );

    app.post(
      "/review/applications/:id/approve",
      {
        onRequest: access.customerSuccess,
        schema: {
          tags: ["review"],
          summary: "Approve and apply the change, in one transaction",
          params: idParams,
          body: approveBody,
          response: { 200: application },
        },
      },
      async (request) => {
        const actor = requireCustomerSuccess(request);
        await approveApplication({
          db,
          actor,
          applicationId: request.params.id,
          comment: request.body.comment ?? "",
          now: clock.now(),
          notices,
        });
        return present(actor, request.params.id);
      },
    );

    app.post(
      "/review/applications/:id/reject",
      {
        onRequest: access.customerSuccess,
        schema: {
          tags: ["review"],
          summary: "Reject with a comment for the requester",
          params: idParams,
          body: rejectBody,
          response: { 200: application },
        },
      },
      async (request) => {
        const actor = requireCustomerSuccess(request);
        await rejectApplication({
          db,
          actor,
          applicationId: request.params.id,
          comment: request.body.comment,
          now: clock.now(),
          notices,
        });
        return present(actor, request.params.id);
      },
    );
    app.get(
      "/review/auto-approval-rules",
      {
        onRequest: access.customerSuccess,
        schema: {
          tags: ["review"],
          summary: "Which kinds of application are approved on filing",
          response: { 200: z.array(autoApprovalRule) },
        },
      },
      async () => listAutoApprovalRules(db),
    );

    app.put(
      "/review/auto-approval-rules/:kind",
      {
        onRequest: access.customerSuccess,
        schema: {
          tags: ["review"],
          summary: "Approve a kind of application on filing, or send it to review again",
          params: autoApprovalRuleParams,
          body: autoApprovalRuleBody,
          response: { 200: z.array(autoApprovalRule) },
        },
      },
      async (request) => {
        const actor = requireCustomerSuccess(request);
        await setAutoApprovalRule(
          db,
          actor,
          request.params.kind,
          request.body.enabled,
          clock.now(),
        );
        return listAutoApprovalRules(db);
      },
    );
  };
}
