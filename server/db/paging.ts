/** What every long list read by cursors (keyset) shares on the database side. */
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { EXACT_TOTAL_UP_TO } from "../../shared/api/common.ts";
import { encodeCursor } from "../../shared/domain/cursor.ts";
import { type Database, queryRows } from "./client.ts";
import { writtenLimit } from "./written.ts";

/**
 * The rows of `table` matching `where`, counted up to EXACT_TOTAL_UP_TO and one more: past it the
 * list says "more than", at the cost of a thousand rows instead of the whole table. As a column of
 * a page's own query (`matching`), the count costs no round trip of its own: PostgreSQL runs such
 * a subquery once per statement, not per row.
 *
 * `along`: the list's order, when its index should be the one counted along. The planner takes
 * matching rows to be spread evenly over the table: where they fill most of it (an account holding
 * most of the datapoints) it reads the table from its start, through every row before theirs.
 */
const matchingUpToLimit = (
  table: PgTable | SQL,
  where: SQL | undefined,
  along: SQLWrapper[] = [],
) =>
  sql<number>`(select count(*)::int from (select 1 from ${table} where ${where ?? sql`true`}${along.length > 0 ? sql` order by ${sql.join(along, sql`, `)}` : sql``} limit ${writtenLimit(EXACT_TOTAL_UP_TO + 1)}) as matching)`;

/**
 * The rows whose (time, id) stand `op` a cursor's, time as cursors hold it (UTC to the
 * microsecond): where a keyset page on an index of (time, id) starts or ends.
 */
export const timeAndId = (
  time: PgColumn,
  id: PgColumn,
  op: "<" | "<=" | ">" | ">=",
  cursor: { at: string; id: string },
): SQL => sql`(${time}, ${id}) ${sql.raw(op)} (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;

/** The `matching` column of a page's query: the list's count where `counting` is its filter, else null. */
export const matchingColumn = (
  table: PgTable | SQL,
  counting: SQL | undefined,
  along?: SQLWrapper[],
) => (counting ? matchingUpToLimit(table, counting, along) : sql<null>`null`);

export const totalOf = (matching: number): { total: number; totalExact: boolean } =>
  matching > EXACT_TOTAL_UP_TO
    ? { total: EXACT_TOTAL_UP_TO, totalExact: false }
    : { total: matching, totalExact: true };

/** matchingUpToLimit, asked on its own. */
export async function countUpToLimit(
  db: Database,
  table: PgTable | SQL,
  where: SQL | undefined,
  along?: SQLWrapper[],
): Promise<{ total: number; totalExact: boolean }> {
  const [counted] = await queryRows<{ value: number }>(
    db,
    sql`select ${matchingUpToLimit(table, where, along)} as value`,
  );
  return totalOf(counted?.value ?? 0);
}

/**
 * The total of a list whose page was read with its `matching` column: from the first row, or, if
 * the page read none (a cursor at the list's end, say), counted on its own.
 */
export async function totalOfPage(
  db: Database,
  rows: readonly { matching: number | null }[],
  table: PgTable | SQL,
  where: SQL | undefined,
  along?: SQLWrapper[],
): Promise<{ total: number; totalExact: boolean }> {
  const matching = rows[0]?.matching;
  return matching == null ? countUpToLimit(db, table, where, along) : totalOf(matching);
}

/**
 * Where a page of a list read by cursors starts: after (or, `backwards`, before) the row `from`
 * that the query's cursor names, or (no cursor) at its page number's offset. `limit` is one more
 * than the page: whether another page follows in the direction read.
 */
export interface Reading<Cursor> {
  backwards: boolean;
  from: Cursor | null;
  offset: number;
  limit: number;
  /** The whole list's filter, when the page's rows also carry its count (`matchingColumn`). */
  counting?: SQL | undefined;
}

export function readingOf<Cursor>(
  query: {
    after?: string | undefined;
    before?: string | undefined;
    page: number;
    pageSize: number;
  },
  readCursor: (cursor: string) => Cursor | null,
): Reading<Cursor> {
  const cursor = query.before ?? query.after;
  const from = cursor === undefined ? null : readCursor(cursor);
  return {
    backwards: query.before !== undefined,
    from,
    offset: from === null ? (query.page - 1) * query.pageSize : 0,
    limit: query.pageSize + 1,
  };
}

/** The first page: read from the list's beginning, no cursor and no offset. */
export const atStart = (reading: Reading<unknown>) => reading.from === null && reading.offset === 0;

/**
 * A page out of the rows read for it — one more than the page, in the direction read, so that the
 * extra row tells whether another page follows — in the list's order, with the cursors of the pages
 * after and before it. `atStart`: read from the list's beginning (no cursor, no offset), so no page
 * comes before it.
 */
export function pageOfRows<R>(
  rows: R[],
  { pageSize, backwards, atStart }: { pageSize: number; backwards: boolean; atStart: boolean },
  keyOf: (row: R) => readonly string[],
): { rows: R[]; next: string | null; previous: string | null } {
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (backwards) page.reverse();
  const cursorOf = (row: R | undefined) => (row ? encodeCursor(keyOf(row)) : null);
  return {
    rows: page,
    next: backwards || more ? cursorOf(page.at(-1)) : null,
    previous: (backwards ? more : !atStart) ? cursorOf(page[0]) : null,
  };
}
