import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { me } from "../../shared/api/me.ts";
import type { Database } from "../db/client.ts";
import { partners } from "../db/schema.ts";
import { access, requireActor } from "./actor.ts";

export function meRoutes({ db }: { db: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/me",
      {
        onRequest: access.signedIn,
        schema: { tags: ["session"], summary: "The signed-in user", response: { 200: me } },
      },
      async (request) => {
        const actor = requireActor(request);
        if (actor.kind === "customer_success") {
          return {
            id: actor.userId,
            name: actor.name,
            email: actor.email,
            role: "customer_success" as const,
            partner: null,
          };
        }
        const [partner] = await db
          .select({ id: partners.id, name: partners.name, timeZone: partners.timeZone })
          .from(partners)
          .where(eq(partners.id, actor.partnerId));
        return {
          id: actor.userId,
          name: actor.name,
          email: actor.email,
          role: actor.isSuperAdmin ? ("superadmin" as const) : ("account_user" as const),
          partner: partner ?? null,
        };
      },
    );
  };
}
