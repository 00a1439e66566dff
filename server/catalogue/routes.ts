import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { catalogue } from "../../shared/api/catalogue.ts";
import { callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { Database } from "../db/client.ts";
import { catalogueOnOffer } from "./queries.ts";

export function catalogueRoutes({ db }: { db: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    guarded(app).get(
      "/catalogue",
      {
        callers: callers.signedIn,
        schema: {
          tags: ["catalogue"],
          summary: "Licences, Bill Management licence types and sectors on offer",
          response: { 200: catalogue },
        },
      },
      async () => catalogueOnOffer(db),
    );
  };
}
