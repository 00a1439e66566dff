import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  catalogue,
  catalogueAdmin,
  catalogueEntry,
  catalogueEntryChangeBody,
  newCatalogueEntryBody,
  sectorParams,
} from "../../shared/api/catalogue.ts";
import { idParams } from "../../shared/api/common.ts";
import { CATALOGUE_SECTION_LABELS, type CatalogueSection } from "../../shared/domain/catalogue.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { Database } from "../db/client.ts";
import { createCatalogueEntry } from "./create-catalogue-entry.ts";
import { catalogueForStaff, catalogueOnOffer } from "./queries.ts";
import { noEntry } from "./refusals.ts";
import { renameCatalogueEntry } from "./rename-catalogue-entry.ts";
import { restoreCatalogueEntry, retireCatalogueEntry } from "./retire-catalogue-entry.ts";

/** Where each section is kept; sectors are known by their code. `entry` names its operations. */
const SECTIONS = [
  { section: "licences", entry: "Licence", path: "/catalogue/licences", params: idParams },
  {
    section: "billManagementTypes",
    entry: "BillManagementType",
    path: "/catalogue/bill-management-types",
    params: idParams,
  },
  { section: "sectors", entry: "Sector", path: "/catalogue/sectors", params: sectorParams },
] as const satisfies readonly {
  section: CatalogueSection;
  entry: string;
  path: string;
  params: unknown;
}[];

export function catalogueRoutes({
  db,
  clock,
}: {
  db: Database;
  clock: Clock;
}): FastifyPluginAsyncZod {
  const present = async (section: CatalogueSection, key: string) => {
    const found = (await catalogueForStaff(db))[section].find((entry) => entry.id === key);
    if (!found) throw noEntry(section);
    return found;
  };

  return async (app) => {
    const route = guarded(app);
    route.get(
      "/catalogue",
      {
        callers: callers.signedIn,
        schema: {
          operationId: "getCatalogue",
          tags: ["catalogue"],
          summary: "Licences, Bill Management licence types and sectors on offer (not retired)",
          response: { 200: catalogue },
        },
      },
      async () => catalogueOnOffer(db),
    );

    route.get(
      "/catalogue/entries",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "listCatalogueEntries",
          tags: ["catalogue"],
          summary: "Every entry of the catalogue, retired ones too, with how many accounts have it",
          response: { 200: catalogueAdmin },
        },
      },
      async () => catalogueForStaff(db),
    );

    for (const { section, entry, path, params } of SECTIONS) {
      const one = CATALOGUE_SECTION_LABELS[section].one;
      route.post(
        path,
        {
          callers: callers.customerSuccess,
          schema: {
            operationId: `create${entry}`,
            errors: ["CATALOGUE_CODE_TAKEN"],
            tags: ["catalogue"],
            summary: `Add a ${one}; its code is derived from the name unless entered, and is unique (409 CATALOGUE_CODE_TAKEN)`,
            body: newCatalogueEntryBody,
            response: { 201: catalogueEntry },
          },
        },
        async (request, reply, actor) => {
          const key = await createCatalogueEntry({
            db,
            actor,
            section,
            entry: request.body,
            now: clock.now(),
            address: request.ip,
          });
          return reply
            .status(201)
            .header("location", `/api/v1${path}/${encodeURIComponent(key)}`)
            .send(await present(section, key));
        },
      );

      route.get(
        `${path}/:id`,
        {
          callers: callers.customerSuccess,
          schema: {
            operationId: `get${entry}`,
            tags: ["catalogue"],
            summary: `One ${one}, retired or not`,
            params,
            response: { 200: catalogueEntry },
          },
        },
        async (request) => present(section, request.params.id),
      );

      route.put(
        `${path}/:id`,
        {
          callers: callers.customerSuccess,
          schema: {
            operationId: `update${entry}`,
            tags: ["catalogue"],
            summary: `Rename a ${one}${section === "licences" ? " or change its description" : ""}; its code stays`,
            params,
            body: catalogueEntryChangeBody,
            response: { 200: catalogueEntry },
          },
        },
        async (request, _reply, actor) => {
          await renameCatalogueEntry({
            db,
            actor,
            section,
            key: request.params.id,
            change: request.body,
            now: clock.now(),
            address: request.ip,
          });
          return present(section, request.params.id);
        },
      );

      route.post(
        `${path}/:id/retire`,
        {
          callers: callers.customerSuccess,
          schema: {
            operationId: `retire${entry}`,
            tags: ["catalogue"],
            summary: `Retire a ${one}: it stays on the accounts that have it but can no longer be chosen`,
            params,
            response: { 200: catalogueEntry },
          },
        },
        async (request, _reply, actor) => {
          await retireCatalogueEntry({
            db,
            actor,
            section,
            key: request.params.id,
            now: clock.now(),
            address: request.ip,
          });
          return present(section, request.params.id);
        },
      );

      route.post(
        `${path}/:id/restore`,
        {
          callers: callers.customerSuccess,
          schema: {
            operationId: `restore${entry}`,
            tags: ["catalogue"],
            summary: `Offer a retired ${one} again`,
            params,
            response: { 200: catalogueEntry },
          },
        },
        async (request, _reply, actor) => {
          await restoreCatalogueEntry({
            db,
            actor,
            section,
            key: request.params.id,
            now: clock.now(),
            address: request.ip,
          });
          return present(section, request.params.id);
        },
      );
    }
  };
}
