import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { eventFeedPage, eventFeedQuery } from "../../shared/api/webhooks.ts";
import { callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { Database } from "../db/client.ts";
import { readEvents } from "./feed.ts";

/** People with a session, or integrations with an API key. */
const security: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

export function eventRoutes({ db }: { db: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    guarded(app).get(
      "/events",
      {
        callers: callers.eventReader,
        schema: {
          operationId: "listEvents",
          tags: ["Events"],
          summary: "The event feed, oldest first, from a cursor on",
          description:
            "Pass the `next` of a page as `after` to read on; when no event came, poll again later with the same `next`. The feed never skips an event: one still being committed appears on a later page. SuperAdmins read their partner's events, Customer Success every event, an API key the events of the accounts it reaches. The `Link` header has the next page.",
          security,
          pagedByLink: true,
          querystring: eventFeedQuery,
          response: { 200: eventFeedPage },
        },
      },
      async (request, reply, caller) => {
        const page = await readEvents(db, caller, request.query);
        const next = new URLSearchParams();
        next.set("after", page.next);
        next.set("limit", String(request.query.limit));
        if (request.query.type) next.set("type", request.query.type.join(","));
        reply.header("link", `</api/v1/events?${next.toString()}>; rel="next"`);
        return page;
      },
    );
  };
}
