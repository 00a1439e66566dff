import { asc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { catalogue } from "../../shared/api/catalogue.ts";
import { access, requireActor } from "../auth/actor.ts";
import type { Database } from "../db/client.ts";
import { billManagementTypes, licences, sectors } from "../db/schema.ts";

export function catalogueRoutes({ db }: { db: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/catalogue",
      {
        onRequest: access.signedIn,
        schema: {
          tags: ["catalogue"],
          summary: "Licences, Bill Management licence types and sectors on offer",
          response: { 200: catalogue },
        },
      },
      async (request) => {
        requireActor(request);
        const [licenceRows, typeRows, sectorRows] = await Promise.all([
          db
            .select({
              id: licences.id,
              code: licences.code,
              name: licences.name,
              description: licences.description,
            })
            .from(licences)
            .where(eq(licences.active, true))
            .orderBy(asc(licences.position), asc(licences.name)),
          db
            .select({
              id: billManagementTypes.id,
              code: billManagementTypes.code,
              name: billManagementTypes.name,
            })
            .from(billManagementTypes)
            .where(eq(billManagementTypes.active, true))
            .orderBy(asc(billManagementTypes.position), asc(billManagementTypes.name)),
          db.select().from(sectors).orderBy(asc(sectors.name)),
        ]);
        return { licences: licenceRows, billManagementTypes: typeRows, sectors: sectorRows };
      },
    );
  };
}
