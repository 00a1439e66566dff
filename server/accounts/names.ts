/** The names that describe applications: catalogue entries (retired ones too) and accounts. */
import type { SQL } from "drizzle-orm";
import type { Names } from "../../shared/i18n/describe-application.ts";
import type { CatalogueReader } from "../catalogue/queries.ts";
import type { Database } from "../db/client.ts";
import { type AccountStates, accountStates } from "./state.ts";

/** Names for applications touching `accountIds` (within `scope`), and those accounts' states. */
export async function describingNames(
  db: Database,
  {
    scope,
    catalogue,
    accountIds,
  }: { scope: SQL; catalogue: CatalogueReader; accountIds: (string | null)[] },
): Promise<{ names: Names; states: AccountStates }> {
  const [{ names }, states] = await Promise.all([
    catalogue(db),
    accountStates(db, scope, accountIds),
  ]);
  return { names: { ...names, account: (id) => states.get(id)?.name }, states };
}
