/** A value of another table's row, read as a column of a page's own statement. */
import { getTableName, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * `wanted` of the row whose `key` equals this row's `column` (a licence's name for an account's
 * licence), as a column of its own instead of a join: a page's statement then has two tables to
 * plan instead of five. PostgreSQL planned the joins of a page of pending applications in 1.3 ms,
 * longer than it took to run them, and of an Active zone's search in 3.0 ms. Every name is written
 * out whole: in a statement of one table Drizzle leaves the table out of its columns.
 */
export function lookUp<Value>(wanted: PgColumn, key: PgColumn, column: PgColumn): SQL<Value> {
  const looked = sql.identifier("looked");
  return sql<Value>`(select ${looked}.${sql.identifier(wanted.name)} from ${sql.identifier(getTableName(wanted.table))} ${looked} where ${looked}.${sql.identifier(key.name)} = ${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)})`;
}
