/** What PostgreSQL plans to do for a query: how the tests check that a page reads an index. */

import { type SQLWrapper, sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client.ts";

/**
 * The text of `explain` for `query`. With `withoutSequentialScans`, the planner is told to avoid
 * them (in a transaction of its own): on a small table a sequential scan is cheaper, and the test
 * asks whether an index *can* serve the query, not whether it is worth it yet.
 */
export async function queryPlan(
  db: Database,
  query: SQLWrapper | ((tx: Database) => SQLWrapper | Promise<SQLWrapper>),
  { withoutSequentialScans = false } = {},
): Promise<string> {
  return db.transaction(async (tx) => {
    if (withoutSequentialScans) await tx.execute(sql`set local enable_seqscan = off`);
    const built = typeof query === "function" ? query(tx) : query;
    // A Drizzle query is awaitable too, and awaiting it would run it: only a promise is awaited.
    const wrapper = "getSQL" in built ? built : await built;
    const lines = await queryRows<{ "QUERY PLAN": string }>(tx, sql`explain ${wrapper.getSQL()}`);
    return lines.map((line) => line["QUERY PLAN"]).join("\n");
  });
}
