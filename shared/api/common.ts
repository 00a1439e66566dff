import { z } from "zod";

export const idParams = z.object({ id: z.uuid("Not a valid id") });

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().min(1).max(100).int().default(25),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.int(),
    pageSize: z.int(),
    total: z.int(),
  });
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** A long list counts what matches up to this many; past it the total reads "more than 1,000". */
export const EXACT_TOTAL_UP_TO = 1_000;

/**
 * A page of a long list read by cursors (keyset): `next` and `previous` are the cursors of the pages
 * after and before it (the query's `after` and `before`), and the total is exact only up to
 * EXACT_TOTAL_UP_TO.
 */
export function keysetPageOf<T extends z.ZodType>(item: T) {
  return pageOf(item).extend({
    /** False when more match than were counted: there are more than `total`. */
    totalExact: z.boolean(),
    /** The cursor of the page after this one (`after`); null on the last. */
    next: z.string().nullable(),
    /** The cursor of the page before this one (`before`); null on the first. */
    previous: z.string().nullable(),
  });
}

export interface KeysetPage<T> extends Page<T> {
  totalExact: boolean;
  next: string | null;
  previous: string | null;
}

export const reference = z.object({ id: z.string(), name: z.string() });
