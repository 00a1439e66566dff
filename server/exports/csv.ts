/** Answering with a CSV file to download, and reading every page of a list to fill it. */
import type { FastifyReply } from "fastify";
import type { Page } from "../../shared/api/common.ts";

/** Rows read per query while exporting, and the most an export holds. */
const EXPORT_PAGE_SIZE = 500;
export const MAX_EXPORT_ROWS = 100_000;

export function sendCsv(reply: FastifyReply, filename: string, text: string): FastifyReply {
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename}"`)
    .send(text);
}

/**
 * Every item of a paged list, page after page, up to MAX_EXPORT_ROWS. A list read by cursors
 * answers `next`, which the following read passes on as `after`: each page then costs what the first
 * does, where page numbers would make the database skip more rows at each step.
 */
export async function everyItem<T>(
  page: (
    page: number,
    pageSize: number,
    after: string | undefined,
  ) => Promise<(Page<T> & { next?: string | null }) | null>,
): Promise<T[] | null> {
  const items: T[] = [];
  let after: string | undefined;
  for (let number = 1; items.length < MAX_EXPORT_ROWS; number++) {
    const found = await page(number, EXPORT_PAGE_SIZE, after);
    if (!found) return null;
    items.push(...found.items);
    if (found.items.length < EXPORT_PAGE_SIZE || found.next === null) break;
    after = found.next;
  }
  return items.slice(0, MAX_EXPORT_ROWS);
}
