import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  apiKey,
  apiKeyListQuery,
  apiKeyPage,
  createApiKeyBody,
  createdApiKey,
} from "../../shared/api/api-keys.ts";
import { idParams } from "../../shared/api/common.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { type Actor, callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { KeyVerifier } from "../auth/api-key-verifier.ts";
import type { Database } from "../db/client.ts";
import { notFound } from "../errors.ts";
import { createApiKey } from "./create-api-key.ts";
import { findApiKey, listApiKeys } from "./queries.ts";
import { revokeApiKey } from "./revoke-api-key.ts";

export function apiKeyRoutes({
  db,
  clock,
  keys,
}: {
  db: Database;
  clock: Clock;
  keys: KeyVerifier;
}): FastifyPluginAsyncZod {
  const present = async (actor: Actor, id: string) => {
    const found = await findApiKey(db, actor, id);
    if (!found) throw notFound("API key");
    return found;
  };

  return async (app) => {
    const route = guarded(app);
    route.get(
      "/api-keys",
      {
        callers: callers.keyManager,
        schema: {
          operationId: "listApiKeys",
          tags: ["API keys"],
          summary: "The partner's API keys (SuperAdmin), or every key (Customer Success)",
          querystring: apiKeyListQuery,
          response: { 200: apiKeyPage },
        },
      },
      async (request, _reply, actor) => listApiKeys(db, actor, request.query),
    );

    route.post(
      "/api-keys",
      {
        callers: callers.keyManager,
        schema: {
          operationId: "createApiKey",
          // The account named in the body may be missing or another partner's.
          errors: ["NOT_FOUND"],
          tags: ["API keys"],
          summary: "Create a key: the secret is in this answer only",
          description:
            "A SuperAdmin's key reaches every account of the partner, or only the account named by `accountId`. Customer Success makes platform-wide keys. Integrations send the secret as `Authorization: Bearer <secret>`.",
          body: createApiKeyBody,
          response: { 201: createdApiKey },
        },
      },
      async (request, reply, actor) => {
        const { id, secret } = await createApiKey({
          db,
          actor,
          name: request.body.name,
          accountId: request.body.accountId,
          now: clock.now(),
          address: request.ip,
        });
        return reply
          .status(201)
          .header("location", `/api/v1/api-keys/${id}`)
          .send({ key: await present(actor, id), secret });
      },
    );

    route.get(
      "/api-keys/:id",
      {
        callers: callers.keyManager,
        schema: {
          operationId: "getApiKey",
          tags: ["API keys"],
          summary: "One API key, without its secret",
          params: idParams,
          response: { 200: apiKey },
        },
      },
      async (request, _reply, actor) => present(actor, request.params.id),
    );

    route.post(
      "/api-keys/:id/revoke",
      {
        callers: callers.keyManager,
        schema: {
          operationId: "revokeApiKey",
          tags: ["API keys"],
          summary:
            "Revoke a key: refused by every server within seconds; revoking again changes nothing",
          params: idParams,
          response: { 200: apiKey },
        },
      },
      async (request, _reply, actor) => {
        await revokeApiKey({
          db,
          actor,
          apiKeyId: request.params.id,
          now: clock.now(),
          address: request.ip,
        });
        keys.forget(request.params.id);
        return present(actor, request.params.id);
      },
    );
  };
}
