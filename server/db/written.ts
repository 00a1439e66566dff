/**
 * Values written into a statement rather than sent as its parameters.
 *
 * On PostgreSQL each connection prepares a list's statement once (./client.ts) and, after five
 * readings, keeps one plan for any values, but only if that plan looks about as cheap as the ones
 * made for the values. What the planner needs to tell a page's cost, and which takes few values, is
 * written into the statement: the LIMIT, a status or a kind, today's date. Without them it expected
 * a tenth of the list for a page, read the whole table to count pending applications, and planned
 * every page again: 1.8 ms of PostgreSQL's 2.9 for a page of 100,000 accounts. What names rows
 * (ids, cursors) and what people type (searches) stays a parameter.
 */
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type CalendarDate, isCalendarDate } from "../../shared/domain/calendar.ts";

/** A LIMIT of `rows`: page sizes are few (1 to 100). Drizzle writes a LIMIT that is SQL as it is. */
export const writtenLimit = (rows: number): number => {
  if (!Number.isSafeInteger(rows) || rows < 0)
    throw new RangeError(`Not a number of rows: ${rows}`);
  return sql.raw(String(rows)) as unknown as number;
};

/** `column` equals `value`, one of the closed list `known` (a status, a kind). */
export function isWritten<Value extends string>(
  column: PgColumn,
  value: Value,
  known: readonly Value[],
): SQL {
  if (!known.includes(value)) throw new RangeError(`Not one of ${column.name}'s values: ${value}`);
  return sql`${column} = ${sql.raw(`'${value}'`)}`;
}

/** A calendar date (today's, in a partner's time zone): one statement a day. */
export function writtenDate(date: CalendarDate): SQL {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return sql.raw(`'${date}'::date`);
}
