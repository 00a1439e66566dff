/**
 * How the mailbox and the outbox read a page by cursors (keyset), newest first: the cursor of the
 * query checked to be of the list, the rows past it on the index (time, id), one more than the
 * page, and the cursors of the pages after and before the page read.
 */
import { asc, desc, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type MailboxQuery, type MailCursor, readMailCursor } from "../../shared/api/lifecycle.ts";
import {
  atStart,
  type Reading as PageReading,
  pageOfRows,
  readingOf as pageReadingOf,
  timeAndId,
} from "../db/paging.ts";
import { Problem } from "../errors.ts";

type Cursors = Pick<MailboxQuery, "after" | "before" | "page" | "pageSize">;

/**
 * How a page of a list newest first is read: the index (time, id) downwards, or upwards for the
 * page before a cursor; from the cursor's place, or (no cursor) from the page number's.
 */
export type Reading = PageReading<MailCursor>;

export function readingOf(list: MailCursor["list"], query: Cursors): Reading {
  const reading = pageReadingOf(query, readMailCursor);
  if (reading.from && reading.from.list !== list) {
    const field = query.before ? "before" : "after";
    throw new Problem("VALIDATION_FAILED", "The cursor is of another list.", {
      errors: [
        { field, message: "This cursor belongs to another list: start from the first page" },
      ],
    });
  }
  return reading;
}

/** The time as a cursor holds it: UTC to the microsecond, as the database keeps it. */
export const cursorTime = (column: PgColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The rows past the cursor in the order read, and that order, on the index (time, id). */
export function keyset(time: PgColumn, id: PgColumn, reading: Reading) {
  const { from, backwards } = reading;
  const direction = backwards ? asc : desc;
  return {
    past: from ? timeAndId(time, id, backwards ? ">" : "<", from) : undefined,
    order: [direction(time), direction(id)] as const,
  };
}

/** The page read, in the list's order, with the cursors of the pages after and before it. */
export function pageOf<R extends { id: string; cursorAt: string }>(
  list: MailCursor["list"],
  rows: R[],
  query: Cursors,
  reading: Reading,
) {
  return pageOfRows(
    rows,
    { pageSize: query.pageSize, backwards: reading.backwards, atStart: atStart(reading) },
    (row) => [list, row.cursorAt, row.id],
  );
}
