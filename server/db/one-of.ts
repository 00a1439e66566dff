/** Matching a column against a list of values a page has in hand. */
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * `column` holds one of `values`, sent as one array parameter rather than one parameter each
 * (Drizzle's `inArray`): a page's fifty or few hundred ids otherwise cost more to build, send and
 * plan than reading their rows. The array goes as its text literal, which both drivers (node-postgres
 * and PGlite) send alike, cast to the column's type; each value is quoted.
 */
export function isOneOf(column: PgColumn, values: readonly string[]): SQL {
  return sql`${column} = any(${arrayOf(column, values)})`;
}

/** `values` as one array parameter of `column`'s type (see isOneOf). */
export function arrayOf(column: PgColumn, values: readonly string[]): SQL {
  const literal = `{${values.map((value) => `"${value.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
  return sql`${literal}::${sql.raw(column.getSQLType())}[]`;
}
