/** What every long list read by cursors (keyset) shares on the database side. */
import { type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { EXACT_TOTAL_UP_TO } from "../../shared/api/common.ts";
import { encodeCursor } from "../../shared/domain/cursor.ts";
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
