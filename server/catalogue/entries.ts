/**
 * The three sections of the catalogue as one kind of thing for the use cases that keep it: an
 * entry with a key (a licence's or type's id, a sector's code), a code, a name and whether it is
 * on offer. Each section's table is spelt out once here.
 */
import { eq, sql } from "drizzle-orm";
import type { CatalogueSection } from "../../shared/domain/catalogue.ts";
import type { Database } from "../db/client.ts";
import { billManagementTypes, licences, sectors } from "../db/schema/index.ts";

export interface StoredEntry {
  key: string;
  code: string;
  name: string;
  description: string;
  active: boolean;
}

export interface EntryValues {
  code: string;
  name: string;
  description: string;
}

/** The unique constraint that refuses a second entry with the same code, by section. */
export const CODE_CONSTRAINTS: Record<CatalogueSection, string> = {
  licences: "licences_code_unique",
  billManagementTypes: "bill_management_types_code_unique",
  sectors: "sectors_pkey",
};

/** The entry, locked until the transaction ends, or undefined. */
export async function lockEntry(
  tx: Database,
  section: CatalogueSection,
  key: string,
): Promise<StoredEntry | undefined> {
  switch (section) {
    case "licences": {
      const [row] = await tx
        .select({
          key: licences.id,
          code: licences.code,
          name: licences.name,
          description: licences.description,
          active: licences.active,
        })
        .from(licences)
        .where(eq(licences.id, key))
        .for("update");
      return row;
    }
    case "billManagementTypes": {
      const [row] = await tx
        .select({
          key: billManagementTypes.id,
          code: billManagementTypes.code,
          name: billManagementTypes.name,
          active: billManagementTypes.active,
        })
        .from(billManagementTypes)
        .where(eq(billManagementTypes.id, key))
        .for("update");
      return row && { ...row, description: "" };
    }
    case "sectors": {
      const [row] = await tx
        .select({
          key: sectors.code,
          code: sectors.code,
          name: sectors.name,
          active: sectors.active,
        })
        .from(sectors)
        .where(eq(sectors.code, key))
        .for("update");
      return row && { ...row, description: "" };
    }
  }
}

/** Adds an entry on offer, after the section's others; answers its key. */
export async function insertEntry(
  tx: Database,
  section: CatalogueSection,
  { code, name, description }: EntryValues,
): Promise<string> {
  switch (section) {
    case "licences": {
      const [row] = await tx
        .insert(licences)
        .values({
          code,
          name,
          description,
          position: sql`(select coalesce(max(${licences.position}), 0) + 1 from ${licences})`,
        })
        .returning({ key: licences.id });
      return keyOf(row);
    }
    case "billManagementTypes": {
      const [row] = await tx
        .insert(billManagementTypes)
        .values({
          code,
          name,
          position: sql`(select coalesce(max(${billManagementTypes.position}), 0) + 1 from ${billManagementTypes})`,
        })
        .returning({ key: billManagementTypes.id });
      return keyOf(row);
    }
    case "sectors": {
      const [row] = await tx
        .insert(sectors)
        .values({ code, name })
        .returning({ key: sectors.code });
      return keyOf(row);
    }
  }
}

function keyOf(row: { key: string } | undefined): string {
  if (!row) throw new Error("insert returned no row");
  return row.key;
}

/** Changes what is given of an entry; the code never changes. */
export async function updateEntry(
  tx: Database,
  section: CatalogueSection,
  key: string,
  set: Partial<Pick<StoredEntry, "name" | "description" | "active">>,
): Promise<void> {
  switch (section) {
    case "licences":
      await tx.update(licences).set(set).where(eq(licences.id, key));
      return;
    case "billManagementTypes": {
      const { description: _none, ...rest } = set;
      await tx.update(billManagementTypes).set(rest).where(eq(billManagementTypes.id, key));
      return;
    }
    case "sectors": {
      const { description: _none, ...rest } = set;
      await tx.update(sectors).set(rest).where(eq(sectors.code, key));
      return;
    }
  }
}
