/** The names that describe applications: catalogue entries (retired ones too) and accounts. */
import type { SQL } from "drizzle-orm";
import type { AccountState } from "../../shared/domain/changes.ts";
import type { Names } from "../../shared/i18n/describe-application.ts";
import {
  type Catalogue,
  type CatalogueReader,
  type CatalogueRow,
  catalogueColumns,
} from "../catalogue/queries.ts";
import { type Database, queryRows, selectValues } from "../db/client.ts";
import { type AccountStates, accountStatesColumn, statesOf } from "./state.ts";

/**
 * Names for applications touching `accountIds` (within `scope`), those accounts' states and the
 * catalogue, in one statement; `also` adds columns a page needs besides, read in the same trip.
 */
export async function describingNames<Also extends Record<string, unknown> = Record<never, never>>(
  db: Database,
  {
    scope,
    catalogue,
    accountIds,
    also,
  }: {
    scope: SQL;
    catalogue: CatalogueReader;
    accountIds: (string | null)[];
    also?: { [Name in keyof Also]: SQL<Also[Name]> };
  },
): Promise<{ names: Names; states: AccountStates; catalogue: Catalogue; also: Also }> {
  const [row] = await queryRows<
    CatalogueRow & { states: (AccountState & { timeZone: string })[] } & Also
  >(
    db,
    selectValues({
      ...catalogueColumns,
      states: accountStatesColumn(scope, accountIds),
      ...(also as Record<string, SQL> | undefined),
    }),
  );
  if (!row) throw new Error("a statement of values answered no row");
  // The request's reader keeps the catalogue it read first, if another step read it already.
  const loaded = await catalogue(db, row);
  const states = statesOf(row.states);
  return {
    names: { ...loaded.names, account: (id) => states.get(id)?.name },
    states,
    catalogue: loaded,
    also: row,
  };
}
