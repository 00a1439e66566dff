import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../shared/api/common.ts";
import {
  changeWebhookEndpointBody,
  createWebhookEndpointBody,
  deliveryParams,
  webhookDeliveryPage,
  webhookDeliveryQuery,
  webhookEndpoint,
  webhookEndpointList,
  webhookEndpointWithSecret,
} from "../../shared/api/webhooks.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { type Actor, callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { Database } from "../db/client.ts";
import { notFound } from "../errors.ts";
import { changeEndpoint } from "./change-endpoint.ts";
import { deleteEndpoint } from "./delete-endpoint.ts";
import { findEndpoint, listDeliveries, listEndpoints } from "./queries.ts";
import { redeliver } from "./redeliver.ts";
import { registerEndpoint } from "./register-endpoint.ts";
import { rotateSecret } from "./rotate-secret.ts";

const TAGS = ["Webhooks"];

export function webhookRoutes({
  db,
  clock,
  allowLocalHttp,
}: {
  db: Database;
  clock: Clock;
  allowLocalHttp: boolean;
}): FastifyPluginAsyncZod {
  const present = async (actor: Actor, id: string) => {
    const found = await findEndpoint(db, actor, id, clock.now());
    if (!found) throw notFound("webhook endpoint");
    return found;
  };

  return async (app) => {
    const route = guarded(app);
    const manager = callers.webhookManager;

    route.get(
      "/webhooks",
      {
        callers: manager,
        schema: {
          operationId: "listWebhookEndpoints",
          tags: TAGS,
          summary:
            "The partner's webhook endpoints (SuperAdmin), or every endpoint (Customer Success)",
          response: { 200: webhookEndpointList },
        },
      },
      async (_request, _reply, actor) => ({ items: await listEndpoints(db, actor, clock.now()) }),
    );

    route.post(
      "/webhooks",
      {
        callers: manager,
        schema: {
          operationId: "createWebhookEndpoint",
          tags: TAGS,
          summary: "Register an endpoint: the signing secret is in this answer only",
          description:
            "A SuperAdmin's endpoint receives the events of the partner's accounts; Customer Success registers platform-wide endpoints, which receive every partner's. The URL must be https:// (http://localhost only where the server allows local HTTP). Deliveries are signed per the Standard Webhooks specification with the secret.",
          body: createWebhookEndpointBody,
          response: { 201: webhookEndpointWithSecret },
        },
      },
      async (request, reply, actor) => {
        const { id, secret } = await registerEndpoint({
          db,
          actor,
          ...request.body,
          now: clock.now(),
          allowLocalHttp,
          address: request.ip,
        });
        return reply
          .status(201)
          .header("location", `/api/v1/webhooks/${id}`)
          .send({ endpoint: await present(actor, id), secret });
      },
    );

    route.get(
      "/webhooks/:id",
      {
        callers: manager,
        schema: {
          operationId: "getWebhookEndpoint",
          tags: TAGS,
          summary: "One endpoint",
          params: idParams,
          response: { 200: webhookEndpoint },
        },
      },
      async (request, _reply, actor) => present(actor, request.params.id),
    );

    route.put(
      "/webhooks/:id",
      {
        callers: manager,
        schema: {
          operationId: "changeWebhookEndpoint",
          tags: TAGS,
          summary: "Change an endpoint's URL, description or events, or disable or enable it",
          description: "Enabling an endpoint again clears its count of failures.",
          params: idParams,
          body: changeWebhookEndpointBody,
          response: { 200: webhookEndpoint },
        },
      },
      async (request, _reply, actor) => {
        await changeEndpoint({
          db,
          actor,
          endpointId: request.params.id,
          change: request.body,
          now: clock.now(),
          allowLocalHttp,
          address: request.ip,
        });
        return present(actor, request.params.id);
      },
    );

    route.delete(
      "/webhooks/:id",
      {
        callers: manager,
        schema: {
          operationId: "deleteWebhookEndpoint",
          tags: TAGS,
          summary: "Delete an endpoint with its delivery log (disable it to keep the log)",
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply, actor) => {
        await deleteEndpoint({
          db,
          actor,
          endpointId: request.params.id,
          now: clock.now(),
          address: request.ip,
        });
        return reply.status(204).send(null);
      },
    );

    route.post(
      "/webhooks/:id/rotate-secret",
      {
        callers: manager,
        schema: {
          operationId: "rotateWebhookSecret",
          tags: TAGS,
          summary: "Rotate the signing secret: the new one is in this answer only",
          description:
            "For 24 hours the previous secret keeps signing beside the new one (two signatures in `webhook-signature`), so the receiver can switch without refusing a delivery.",
          params: idParams,
          response: { 200: webhookEndpointWithSecret },
        },
      },
      async (request, _reply, actor) => {
        const { secret } = await rotateSecret({
          db,
          actor,
          endpointId: request.params.id,
          now: clock.now(),
          address: request.ip,
        });
        return { endpoint: await present(actor, request.params.id), secret };
      },
    );

    route.get(
      "/webhooks/:id/deliveries",
      {
        callers: manager,
        schema: {
          operationId: "listWebhookDeliveries",
          tags: TAGS,
          summary: "An endpoint's deliveries, newest first, each with its attempts",
          params: idParams,
          querystring: webhookDeliveryQuery,
          response: { 200: webhookDeliveryPage },
        },
      },
      async (request, _reply, actor) => {
        await present(actor, request.params.id);
        return listDeliveries(db, request.params.id, request.query);
      },
    );

    route.post(
      "/webhooks/:id/deliveries/:deliveryId/redeliver",
      {
        callers: manager,
        schema: {
          operationId: "redeliverWebhookDelivery",
          tags: TAGS,
          summary: "Send a delivered or failed delivery again, with a fresh set of retries",
          params: deliveryParams,
          response: { 202: z.object({ status: z.literal("queued") }) },
        },
      },
      async (request, reply, actor) => {
        await present(actor, request.params.id);
        await redeliver({
          db,
          endpointId: request.params.id,
          deliveryId: request.params.deliveryId,
          now: clock.now(),
        });
        return reply.status(202).send({ status: "queued" as const });
      },
    );
  };
}
