/** What every long list read by cursors (keyset) shares on the database side. */
import { type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { EXACT_TOTAL_UP_TO } from "../../shared/api/common.ts";
import { type Database, queryRows } from "./client.ts";

/**
 * The rows of `table` matching `where`, counted up to EXACT_TOTAL_UP_TO and one more: past it the
 * list says "more than", at the cost of a thousand rows instead of the whole table.
 */
export async function countUpToLimit(
  db: Database,
  table: PgTable | SQL,
  where: SQL | undefined,
): Promise<{ total: number; totalExact: boolean }> {
  const [counted] = await queryRows<{ value: number }>(
    db,
    sql`select count(*)::int as value from (select 1 from ${table} where ${where ?? sql`true`} limit ${EXACT_TOTAL_UP_TO + 1}) as matching`,
  );
  const value = counted?.value ?? 0;
  return value > EXACT_TOTAL_UP_TO
    ? { total: EXACT_TOTAL_UP_TO, totalExact: false }
    : { total: value, totalExact: true };
}
