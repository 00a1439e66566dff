import { z } from "zod";
import { CATALOGUE_CODE_MAX, CATALOGUE_CODE_PATTERN } from "../domain/catalogue.ts";
import { text } from "../domain/text.ts";

export const catalogue = z
  .object({
    licences: z.array(
      z.object({ id: z.uuid(), code: z.string(), name: z.string(), description: z.string() }),
    ),
    billManagementTypes: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
    sectors: z.array(z.object({ code: z.string(), name: z.string() })),
  })
  .meta({ id: "Catalogue" });

export type Catalogue = z.infer<typeof catalogue>;

/** Every entry of a section, retired ones too, as Customer Success keeps the catalogue. */
export const catalogueEntry = z
  .object({
    /** A licence's or type's id; a sector's code (sectors are known by their code). */
    id: z.string(),
    code: z.string(),
    name: z.string(),
    /** Licences only; empty elsewhere. */
    description: z.string(),
    /** False once retired: kept on the accounts that have it, no longer offered. */
    active: z.boolean(),
    /** Accounts that have it, which keep it when it is retired. */
    accounts: z.int(),
  })
  .meta({ id: "CatalogueEntry" });
export type CatalogueEntry = z.infer<typeof catalogueEntry>;

export const catalogueAdmin = z
  .object({
    licences: z.array(catalogueEntry),
    billManagementTypes: z.array(catalogueEntry),
    sectors: z.array(catalogueEntry),
  })
  .meta({ id: "CatalogueAdmin" });
export type CatalogueAdmin = z.infer<typeof catalogueAdmin>;

const entryName = text("name", "Name the entry")
  .trim()
  .min(1, "Name the entry")
  .max(100, "Keep the name within 100 characters");

const description = text("multiline", "Describe the licence")
  .trim()
  .max(500, "Keep the description within 500 characters");

/** An entry's code is left out to derive it from the name, or entered; it never changes. */
const code = z
  .string("Enter a code such as professional-plus")
  .trim()
  .max(CATALOGUE_CODE_MAX, `Keep the code within ${CATALOGUE_CODE_MAX} characters`)
  .regex(CATALOGUE_CODE_PATTERN, "Use lower-case letters, digits and hyphens, e.g. pro-plus");

export const newCatalogueEntryBody = z
  .strictObject({ name: entryName, code: code.optional(), description: description.optional() })
  .meta({ id: "NewCatalogueEntry" });
export type NewCatalogueEntryBody = z.infer<typeof newCatalogueEntryBody>;

/** Renaming keeps the code: accounts, applications and integrations know the entry by it. */
export const catalogueEntryChangeBody = z
  .strictObject({ name: entryName, description: description.optional() })
  .meta({ id: "CatalogueEntryChange" });
export type CatalogueEntryChangeBody = z.infer<typeof catalogueEntryChangeBody>;

/** Sectors are known by their code, which stands as their id. */
export const sectorParams = z.object({
  id: z
    .string()
    .max(CATALOGUE_CODE_MAX, "Not a sector code")
    .regex(CATALOGUE_CODE_PATTERN, "Not a sector code"),
});
