/** The licence catalogue as the rules of applications and the screens read it. */
import { asc, eq } from "drizzle-orm";
import type { Catalogue as CatalogueOnOffer } from "../../shared/api/catalogue.ts";
import type { CatalogueNames } from "../../shared/domain/changes.ts";
import type { Names } from "../../shared/domain/describe.ts";
import type { Database } from "../db/client.ts";
import { billManagementTypes, licences, sectors } from "../db/schema/index.ts";

/**
 * `offered` answers only for what can be chosen now (active entries), `names` also for retired
 * ones, so old applications and histories still read well.
 */
export interface Catalogue {
  offered: CatalogueNames;
  names: Omit<Names, "account">;
  /** Sector codes (sectors are never retired). */
  sectors: ReadonlySet<string>;
}

/** Reads the catalogue through the executor it is given (a transaction's, or the database's). */
export type CatalogueReader = (db: Database) => Promise<Catalogue>;

export const loadCatalogue: CatalogueReader = async (db) => {
  const [licenceRows, typeRows, sectorRows] = await Promise.all([
    db.select({ id: licences.id, name: licences.name, active: licences.active }).from(licences),
    db
      .select({
        id: billManagementTypes.id,
        name: billManagementTypes.name,
        active: billManagementTypes.active,
      })
      .from(billManagementTypes),
    db.select({ code: sectors.code }).from(sectors),
  ]);
  const lookup = (rows: { id: string; name: string; active: boolean }[], onlyActive: boolean) => {
    const map = new Map(
      rows.filter((row) => row.active || !onlyActive).map((row) => [row.id, row.name]),
    );
    return (id: string) => map.get(id);
  };
  return {
    offered: { licence: lookup(licenceRows, true), billManagementType: lookup(typeRows, true) },
    names: { licence: lookup(licenceRows, false), billManagementType: lookup(typeRows, false) },
    sectors: new Set(sectorRows.map((row) => row.code)),
  };
};

/**
 * A reader for one request: the catalogue is read once, by whichever step asks first (the use case
 * in its transaction, the notices, the answer), and the others reuse it.
 */
export function catalogueOnce(load: CatalogueReader = loadCatalogue): CatalogueReader {
  let loaded: Promise<Catalogue> | undefined;
  return (db) => {
    loaded ??= load(db);
    return loaded;
  };
}

/** What a new application can choose from now, in the order the catalogue sets. */
export async function catalogueOnOffer(db: Database): Promise<CatalogueOnOffer> {
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
}
