/** The licence catalogue as the rules of applications and the screens read it. */
import { asc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { CatalogueAdmin, Catalogue as CatalogueOnOffer } from "../../shared/api/catalogue.ts";
import { type Entry, namesOf } from "../../shared/domain/catalogue.ts";
import type { CatalogueNames } from "../../shared/domain/changes.ts";
import type { Names } from "../../shared/i18n/describe-application.ts";
import { type Database, queryRows, selectValues } from "../db/client.ts";
import { accounts, billManagementTypes, licences, sectors } from "../db/schema/index.ts";

/**
 * `offered` answers only for what can be chosen now (active entries), `names` also for retired
 * ones, so old applications and histories still read well.
 */
export interface Catalogue {
  offered: CatalogueNames;
  names: Omit<Names, "account">;
  /** Codes of the sectors on offer (not retired). */
  sectors: ReadonlySet<string>;
}

/**
 * Reads the catalogue through the executor it is given (a transaction's, or the database's), or
 * takes it from `read`: the catalogue's columns of a statement that read more besides.
 */
export type CatalogueReader = (db: Database, read?: CatalogueRow) => Promise<Catalogue>;

/** Every entry of a catalogue table as `{ key, name, active }`, aggregated into one JSON value. */
const entriesOf = (table: typeof licences | typeof billManagementTypes) =>
  sql`(select coalesce(json_agg(json_build_object('key', ${table.id}, 'name', ${table.name}, 'active', ${table.active})), '[]') from ${table})`;

/** The catalogue as a row of three values; `catalogueColumns` selects them in any statement. */
export interface CatalogueRow {
  licences: Entry<string>[];
  types: Entry<string>[];
  sectors: string[];
}

export const catalogueColumns: Record<keyof CatalogueRow, SQL> = {
  licences: entriesOf(licences),
  types: entriesOf(billManagementTypes),
  sectors: sql`array(select ${sectors.code} from ${sectors} where ${sectors.active})`,
};

function catalogueOf({ licences, types, sectors }: CatalogueRow): Catalogue {
  return {
    offered: {
      licence: namesOf(licences, "offered"),
      billManagementType: namesOf(types, "offered"),
    },
    names: { licence: namesOf(licences, "all"), billManagementType: namesOf(types, "all") },
    sectors: new Set(sectors),
  };
}

// One query, not three: it runs for every page that describes applications or accounts.
export const loadCatalogue: CatalogueReader = async (db, read) => {
  if (read) return catalogueOf(read);
  const [row] = await queryRows<CatalogueRow>(db, selectValues(catalogueColumns));
  return catalogueOf(row ?? { licences: [], types: [], sectors: [] });
};

/**
 * A reader for one request: the catalogue is read once, by whichever step asks first (the use case
 * in its transaction, the notices, the answer), and the others reuse it.
 */
export function catalogueOnce(load: CatalogueReader = loadCatalogue): CatalogueReader {
  let loaded: Promise<Catalogue> | undefined;
  return (db, read) => {
    loaded ??= load(db, read);
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
    db
      .select({ code: sectors.code, name: sectors.name })
      .from(sectors)
      .where(eq(sectors.active, true))
      .orderBy(asc(sectors.name)),
  ]);
  return { licences: licenceRows, billManagementTypes: typeRows, sectors: sectorRows };
}

/**
 * How many accounts have an entry: they keep it when it is retired. The entry's key is spelt out
 * (`"licences"."id"`): Drizzle leaves a single table's columns unqualified, and inside the
 * subquery an unqualified "id" or "code" would be the account's.
 */
const accountsWith = (column: AnyPgColumn, key: string) =>
  sql<number>`(select count(*) from ${accounts} where ${column} = ${sql.raw(key)})::int`;

/** Every entry, retired ones too, in the catalogue's order: what Customer Success keeps. */
export async function catalogueForStaff(db: Database): Promise<CatalogueAdmin> {
  const [licenceRows, typeRows, sectorRows] = await Promise.all([
    db
      .select({
        id: licences.id,
        code: licences.code,
        name: licences.name,
        description: licences.description,
        active: licences.active,
        accounts: accountsWith(accounts.licenceId, `"licences"."id"`),
      })
      .from(licences)
      .orderBy(asc(licences.position), asc(licences.name)),
    db
      .select({
        id: billManagementTypes.id,
        code: billManagementTypes.code,
        name: billManagementTypes.name,
        description: sql<string>`''`,
        active: billManagementTypes.active,
        accounts: accountsWith(accounts.billManagementTypeId, `"bill_management_types"."id"`),
      })
      .from(billManagementTypes)
      .orderBy(asc(billManagementTypes.position), asc(billManagementTypes.name)),
    db
      .select({
        id: sectors.code,
        code: sectors.code,
        name: sectors.name,
        description: sql<string>`''`,
        active: sectors.active,
        accounts: accountsWith(accounts.sectorCode, `"sectors"."code"`),
      })
      .from(sectors)
      .orderBy(asc(sectors.name)),
  ]);
  return { licences: licenceRows, billManagementTypes: typeRows, sectors: sectorRows };
}
