import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams } from "../../shared/api/common.ts";
import {
  mailboxMessage,
  mailboxPage,
  mailboxQuery,
  outboxPage,
  outboxQuery,
} from "../../shared/api/lifecycle.ts";
import { callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { Database } from "../db/client.ts";
import { notFound } from "../errors.ts";
import { findMailboxMessage, listMailbox, listOutbox } from "./queries.ts";

export function mailRoutes({ db }: { db: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    const route = guarded(app);
    route.get(
      "/mailbox",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "listMailbox",
          tags: ["mail"],
          summary: "The in-app mailbox: mail delivered without an SMTP server, newest first",
          querystring: mailboxQuery,
          response: { 200: mailboxPage },
        },
      },
      async (request) => listMailbox(db, request.query),
    );

    route.get(
      "/mailbox/:id",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "getMailboxMessage",
          tags: ["mail"],
          summary: "One message of the mailbox, as HTML and as plain text",
          params: idParams,
          response: { 200: mailboxMessage },
        },
      },
      async (request) => {
        const message = await findMailboxMessage(db, request.params.id);
        if (!message) throw notFound("message");
        return message;
      },
    );

    route.get(
      "/outbox",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "listOutbox",
          tags: ["mail"],
          summary:
            "Every e-mail and its delivery: queued, retrying, sent or failed with the last error",
          querystring: outboxQuery,
          response: { 200: outboxPage },
        },
      },
      async (request) => listOutbox(db, request.query),
    );
  };
}
