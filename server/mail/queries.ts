/**
 * Reading the in-app mailbox and the outbox, newest first, for Customer Success. Both lists read by
 * cursors (keyset): a page is a range of one index, however deep, and the total is counted only up
 * to EXACT_TOTAL_UP_TO.
 */
import { and, asc, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { KeysetPage } from "../../shared/api/common.ts";
import {
  type MailboxItem,
  type MailboxMessage,
  type MailboxQuery,
  type MailCursor,
  type OutboxItem,
  type OutboxQuery,
  readMailCursor,
} from "../../shared/api/lifecycle.ts";
import { encodeCursor } from "../../shared/domain/cursor.ts";
import type { Database } from "../db/client.ts";
import { countUpToLimit } from "../db/paging.ts";
import { mailboxMessages, mailOutbox } from "../db/schema/index.ts";
import { containing } from "../db/search.ts";
import { Problem } from "../errors.ts";

const itemColumns = {
  id: mailboxMessages.id,
  messageId: mailboxMessages.messageId,
  from: mailboxMessages.sender,
  to: mailboxMessages.recipient,
  subject: mailboxMessages.subject,
  // The outbox row of the same Message-ID knows the language the message was written in.
  language: mailOutbox.language,
  deliveredAt: mailboxMessages.deliveredAt,
};

type Cursors = Pick<MailboxQuery, "after" | "before" | "page" | "pageSize">;

/**
 * How a page of a list newest first is read: the index (time, id) downwards, or upwards for the
 * page before a cursor; from the cursor's place, or (no cursor) from the page number's.
 */
interface Reading {
  backwards: boolean;
  from: MailCursor | null;
  offset: number;
  /** One more than the page: whether another page follows in the direction read. */
  limit: number;
}

function readingOf(list: MailCursor["list"], query: Cursors): Reading {
  const [field, value] = query.before ? ["before", query.before] : ["after", query.after];
  const from = value ? readMailCursor(value) : null;
  if (from && from.list !== list) {
    throw new Problem("VALIDATION_FAILED", "The cursor is of another list.", {
      errors: [
        { field, message: "This cursor belongs to another list: start from the first page" },
      ],
    });
  }
  return {
    backwards: Boolean(query.before),
    from,
    offset: from ? 0 : (query.page - 1) * query.pageSize,
    limit: query.pageSize + 1,
  };
}

/** The time as a cursor holds it: UTC to the microsecond, as the database keeps it. */
const cursorTime = (column: PgColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The rows past the cursor in the order read, and that order, on the index (time, id). */
function keyset(time: PgColumn, id: PgColumn, reading: Reading) {
  const { from, backwards } = reading;
  const direction = backwards ? asc : desc;
  return {
    past: from
      ? sql`(${time}, ${id}) ${sql.raw(backwards ? ">" : "<")} (${from.at}::timestamptz, ${from.id}::uuid)`
      : undefined,
    order: [direction(time), direction(id)] as const,
  };
}

/** The page read, in the list's order, with the cursors of the pages after and before it. */
function pageOf<R extends { id: string; cursorAt: string }>(
  list: MailCursor["list"],
  rows: R[],
  query: Cursors,
  reading: Reading,
) {
  const more = rows.length > query.pageSize;
  const page = rows.slice(0, query.pageSize);
  if (reading.backwards) page.reverse();
  const cursorOf = (row: R | undefined) =>
    row ? encodeCursor([list, row.cursorAt, row.id]) : null;
  return {
    rows: page,
    next: reading.backwards || more ? cursorOf(page.at(-1)) : null,
    previous: (reading.backwards ? more : reading.from !== null || reading.offset > 0)
      ? cursorOf(page[0])
      : null,
  };
}

/** What a search of the mailbox keeps: text anywhere in the recipient's address or the subject. */
function mailboxSearch(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const pattern = containing(q);
  return and(
    or(ilike(mailboxMessages.recipient, pattern), ilike(mailboxMessages.subject, pattern)),
    // The index of letter pairs finds the few messages that may hold the text.
    [...q].length > 1 ? sql`${mailboxMessages.searchPairs} @> letter_pairs(${q})` : undefined,
  );
}

/** The rows of one page of the mailbox (one more than the page), each with its cursor's time. */
export function mailboxPageQuery(db: Database, query: MailboxQuery) {
  const reading = readingOf("mailbox", query);
  const { past, order } = keyset(mailboxMessages.deliveredAt, mailboxMessages.id, reading);
  return db
    .select({ ...itemColumns, cursorAt: cursorTime(mailboxMessages.deliveredAt) })
    .from(mailboxMessages)
    .leftJoin(mailOutbox, eq(mailOutbox.messageId, mailboxMessages.messageId))
    .where(and(mailboxSearch(query.q), past))
    .orderBy(...order)
    .limit(reading.limit)
    .offset(reading.offset);
}

export async function listMailbox(
  db: Database,
  query: MailboxQuery,
): Promise<KeysetPage<MailboxItem>> {
  const reading = readingOf("mailbox", query);
  const [rows, counted] = await Promise.all([
    mailboxPageQuery(db, query),
    countUpToLimit(db, mailboxMessages, mailboxSearch(query.q)),
  ]);
  const page = pageOf("mailbox", rows, query, reading);
  return {
    items: page.rows.map(({ cursorAt: _, ...row }) => ({
      ...row,
      deliveredAt: row.deliveredAt.toISOString(),
    })),
    page: query.page,
    pageSize: query.pageSize,
    ...counted,
    next: page.next,
    previous: page.previous,
  };
}

export async function findMailboxMessage(db: Database, id: string): Promise<MailboxMessage | null> {
  const [row] = await db
    .select({ ...itemColumns, html: mailboxMessages.html, text: mailboxMessages.text })
    .from(mailboxMessages)
    .leftJoin(mailOutbox, eq(mailOutbox.messageId, mailboxMessages.messageId))
    .where(eq(mailboxMessages.id, id));
  return row ? { ...row, deliveredAt: row.deliveredAt.toISOString() } : null;
}

const outboxColumns = {
  id: mailOutbox.id,
  messageId: mailOutbox.messageId,
  topic: mailOutbox.topic,
  recipient: mailOutbox.recipient,
  language: mailOutbox.language,
  subject: mailOutbox.subject,
  status: mailOutbox.status,
  attempts: mailOutbox.attempts,
  queuedAt: mailOutbox.queuedAt,
  nextAttemptAt: mailOutbox.nextAttemptAt,
  sentAt: mailOutbox.sentAt,
  lastError: mailOutbox.lastError,
  cursorAt: cursorTime(mailOutbox.queuedAt),
};

const outboxFilter = (query: OutboxQuery) =>
  query.status ? eq(mailOutbox.status, query.status) : undefined;

/** The rows of one page of the outbox (one more than the page), each with its cursor's time. */
export function outboxPageQuery(db: Database, query: OutboxQuery) {
  const reading = readingOf("outbox", query);
  const { past, order } = keyset(mailOutbox.queuedAt, mailOutbox.id, reading);
  return db
    .select(outboxColumns)
    .from(mailOutbox)
    .where(and(outboxFilter(query), past))
    .orderBy(...order)
    .limit(reading.limit)
    .offset(reading.offset);
}

export async function listOutbox(
  db: Database,
  query: OutboxQuery,
): Promise<KeysetPage<OutboxItem>> {
  const reading = readingOf("outbox", query);
  const [rows, counted] = await Promise.all([
    outboxPageQuery(db, query),
    countUpToLimit(db, mailOutbox, outboxFilter(query)),
  ]);
  const page = pageOf("outbox", rows, query, reading);
  return {
    items: page.rows.map((row) => {
      const waiting = row.status === "queued" || row.status === "retrying";
      return {
        id: row.id,
        messageId: row.messageId,
        topic: row.topic,
        to: row.recipient,
        language: row.language,
        subject: row.subject,
        status: row.status,
        attempts: row.attempts,
        queuedAt: row.queuedAt.toISOString(),
        nextAttemptAt: waiting ? row.nextAttemptAt.toISOString() : null,
        sentAt: row.sentAt?.toISOString() ?? null,
        lastError: row.lastError,
      };
    }),
    page: query.page,
    pageSize: query.pageSize,
    ...counted,
    next: page.next,
    previous: page.previous,
  };
}
