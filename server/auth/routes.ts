import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { me } from "../../shared/api/me.ts";
import { callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { Database } from "../db/client.ts";
import { partners } from "../db/schema/index.ts";

export function meRoutes({
  db,
  testClock,
}: {
  db: Database;
  /** Whether the server runs with a test clock, which Customer Success may move. */
  testClock: boolean;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const route = guarded(app);
    route.get(
      "/me",
      {
        callers: callers.signedIn,
        schema: {
          operationId: "getMe",
          tags: ["session"],
          summary: "The signed-in user",
          response: { 200: me },
        },
      },
      async (_request, _reply, actor) => {
        if (actor.kind === "customer_success") {
          return {
            id: actor.userId,
            name: actor.name,
            email: actor.email,
            language: actor.language,
            role: "customer_success" as const,
            partner: null,
            testClock,
          };
        }
        const [partner] = await db
          .select({
            id: partners.id,
            name: partners.name,
            timeZone: partners.timeZone,
            country: partners.country,
          })
          .from(partners)
          .where(eq(partners.id, actor.partnerId));
        return {
          id: actor.userId,
          name: actor.name,
          email: actor.email,
          language: actor.language,
          role: actor.isSuperAdmin ? ("superadmin" as const) : ("account_user" as const),
          partner: partner ?? null,
          testClock: false,
        };
      },
    );
  };
}
