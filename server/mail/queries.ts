/**
 * Reading the in-app mailbox and the outbox, newest first, for Customer Success. Both lists read by
 * cursors (keyset): a page is a range of one index, however deep, and the total is counted only up
 * to EXACT_TOTAL_UP_TO.
 */
import { and, desc, eq, getTableName, ilike, or, type SQL, sql } from "drizzle-orm";
import { EXACT_TOTAL_UP_TO, type KeysetPage } from "../../shared/api/common.ts";
import type {
  MailboxItem,
  MailboxMessage,
  MailboxQuery,
  OutboxItem,
  OutboxQuery,
} from "../../shared/api/lifecycle.ts";
import type { Database } from "../db/client.ts";
import { lookUp } from "../db/look-up.ts";
import { isOneOf } from "../db/one-of.ts";
import {
  atStart,
  countUpToLimit,
  matchingColumn,
  timeAndId,
  totalOf,
  totalOfPage,
} from "../db/paging.ts";
import {
  localPartReversed,
  mailboxMessages,
  mailOutbox,
  recipientAndSubject,
} from "../db/schema/index.ts";
import { containing, hasTrigram, holds, literally } from "../db/search.ts";
import { writtenLimit } from "../db/written.ts";
import { cursorTime, keyset, pageOf, type Reading, readingOf } from "./keyset.ts";

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

/**
 * What a search of the mailbox keeps: text anywhere in the recipient's address or the subject.
 * `indexed`: through an index that finds the few messages that may hold the text: for an address
 * ("ana@…"), the addresses whose part before the "@" ends with the text before it; else the
 * trigrams (pg_trgm) of text with three letters or digits in a row, else the letter pairs.
 */
function mailboxSearch(q: string | undefined, indexed: boolean): SQL | undefined {
  if (!q) return undefined;
  const pattern = containing(q);
  const held = sql`${mailboxMessages.searchText} like (select lower(${pattern}))`;
  if (!indexed) return held;
  const [local = ""] = q.split("@", 1);
  if (q.includes("@") && local) {
    // An address holds one "@": the text's first "@" is the address's, and what comes after is
    // checked on the few the index names. The subject's own index of trigrams finds it there.
    const endOfLocalPart = literally([...local].reverse().join(""));
    return or(
      and(
        sql`${localPartReversed(mailboxMessages.recipient)} like lower(${endOfLocalPart}) || '%'`,
        holds(mailboxMessages.recipient, q),
      ),
      ilike(mailboxMessages.subject, pattern),
    );
  }
  if (hasTrigram(q)) {
    // The expression of the index of trigrams; `held` keeps what it finds the same as a reading
    // in order finds.
    const searched = recipientAndSubject(mailboxMessages.recipient, mailboxMessages.subject);
    return and(ilike(searched, pattern), held);
  }
  return [...q].length > 1
    ? and(held, sql`${mailboxMessages.searchPairs} @> letter_pairs(${q})`)
    : held;
}

/**
 * How many of the newest messages (past the cursor) a search reads in order before it asks the
 * search's index instead. Text that many messages hold ("ends in 30", a quarter of them) fills a
 * page within them, where the index would name every one of them to be sorted; rarer text is found
 * through the index, a few to sort.
 */
const SEARCH_WINDOW = 2_000;

type PageRow = Awaited<ReturnType<typeof mailboxPageQuery>>[number];
type Counted = ReturnType<typeof totalOf>;

/** The mailbox's order for a count: the newest message first. */
const newestFirst = [desc(mailboxMessages.deliveredAt), desc(mailboxMessages.id)] as const;

/**
 * The time (as a cursor holds it) and id of the message `depth` rows into the mailbox read in
 * `order` from `past`: the edge of a window of messages; none when the mailbox is shorter.
 */
async function messageAt(
  db: Database,
  depth: number,
  { past, order }: { past?: SQL | undefined; order: readonly [SQL, SQL] },
): Promise<{ at: string; id: string } | undefined> {
  const [edge] = await db
    .select({ at: cursorTime(mailboxMessages.deliveredAt), id: mailboxMessages.id })
    .from(mailboxMessages)
    .where(past)
    .orderBy(...order)
    .offset(depth - 1)
    .limit(1);
  return edge;
}

/**
 * The rows of one page of the mailbox (one more than the page), each with its cursor's time and
 * the language it was written in. `window`: read among that many of the newest messages past the
 * cursor only. `limit`: rows to read when not the page's, which then come without their language:
 * looked up for every row read, it would be looked up for rows the page does not show.
 */
export function mailboxPageQuery(
  db: Database,
  query: MailboxQuery,
  {
    indexed = true,
    window,
    limit,
  }: { indexed?: boolean; window?: number | undefined; limit?: number | undefined } = {},
) {
  const reading = readingOf("mailbox", query);
  const { past, order } = keyset(mailboxMessages.deliveredAt, mailboxMessages.id, reading);
  // Named as the table, so that the page's columns are the window's.
  const source = window
    ? db
        .select()
        .from(mailboxMessages)
        .where(past)
        .orderBy(...order)
        .limit(writtenLimit(window))
        .as(getTableName(mailboxMessages))
    : mailboxMessages;
  return db
    .select({
      id: mailboxMessages.id,
      messageId: mailboxMessages.messageId,
      from: mailboxMessages.sender,
      to: mailboxMessages.recipient,
      subject: mailboxMessages.subject,
      deliveredAt: mailboxMessages.deliveredAt,
      cursorAt: cursorTime(mailboxMessages.deliveredAt),
      // The outbox row of the same Message-ID knows the language the message was written in.
      language:
        limit === undefined
          ? lookUp<MailboxItem["language"] | null>(
              mailOutbox.language,
              mailOutbox.messageId,
              mailboxMessages.messageId,
            )
          : sql<null>`null`,
    })
    .from(source)
    .where(and(mailboxSearch(query.q, indexed), window ? undefined : past))
    .orderBy(...order)
    .limit(writtenLimit(limit ?? reading.limit))
    .offset(reading.offset);
}

/**
 * The rows of a page of a search, and whether the text is common: first among the SEARCH_WINDOW
 * newest messages past the cursor, read in order; then, if that did not fill the page, through
 * the search's index. The first page of rarer text reads its messages through the index up to the
 * count's limit: the page and the total from one reading (`counted`), their languages looked up
 * after (`unlanguaged`).
 */
async function searchedPage(
  db: Database,
  query: MailboxQuery,
  reading: Reading,
): Promise<{ rows: PageRow[]; common: boolean; counted?: Counted; unlanguaged?: boolean }> {
  if (reading.offset > 0) return { rows: await mailboxPageQuery(db, query), common: false };
  const recent = await mailboxPageQuery(db, query, { indexed: false, window: SEARCH_WINDOW });
  if (recent.length >= reading.limit) return { rows: recent, common: true };
  if (!atStart(reading)) return { rows: await mailboxPageQuery(db, query), common: false };
  const found = await mailboxPageQuery(db, query, { limit: EXACT_TOTAL_UP_TO + 1 });
  return {
    rows: found.slice(0, reading.limit),
    common: false,
    counted: totalOf(found.length),
    unlanguaged: true,
  };
}

/** The newest messages a count of common text reads in order before it asks the search's index. */
const COUNT_WINDOW = 20_000;

/**
 * The messages a search finds, counted up to EXACT_TOTAL_UP_TO. Rare text is counted through the
 * search's index. Common text is counted among the COUNT_WINDOW newest messages first, read in
 * order until the count passes its limit (a few thousand rows for text a quarter of them hold);
 * only when they hold fewer, the older ones through the index.
 */
async function countSearch(db: Database, q: string | undefined, common: boolean) {
  if (!q || !common) return countUpToLimit(db, mailboxMessages, mailboxSearch(q, true));
  // Named as the table, so that the search's columns are the window's.
  const window = sql`(${db
    .select()
    .from(mailboxMessages)
    .orderBy(...newestFirst)
    .limit(writtenLimit(COUNT_WINDOW))}) as ${mailboxMessages}`;
  const newest = await countUpToLimit(db, window, mailboxSearch(q, false));
  if (!newest.totalExact) return newest;
  const edge = await messageAt(db, COUNT_WINDOW, { order: newestFirst });
  if (!edge) return newest;
  const older = await countUpToLimit(
    db,
    mailboxMessages,
    and(
      mailboxSearch(q, true),
      timeAndId(mailboxMessages.deliveredAt, mailboxMessages.id, "<", edge),
    ),
  );
  return totalOf(newest.total + older.total);
}

/** The language each message was written in, from its outbox row (none for mail without one). */
async function languagesOf(db: Database, messageIds: string[]) {
  if (messageIds.length === 0) return new Map<string, MailboxItem["language"]>();
  const rows = await db
    .select({ messageId: mailOutbox.messageId, language: mailOutbox.language })
    .from(mailOutbox)
    .where(isOneOf(mailOutbox.messageId, messageIds));
  return new Map(rows.map((row) => [row.messageId, row.language]));
}

export async function listMailbox(
  db: Database,
  query: MailboxQuery,
): Promise<KeysetPage<MailboxItem>> {
  const reading = readingOf("mailbox", query);
  const searched = query.q
    ? await searchedPage(db, query, reading)
    : { rows: await mailboxPageQuery(db, query), common: true };
  const { rows, common } = searched;
  const counted = searched.counted ?? (await countSearch(db, query.q, common));
  const page = pageOf("mailbox", rows, query, reading);
  const languages = searched.unlanguaged
    ? await languagesOf(
        db,
        page.rows.map((row) => row.messageId),
      )
    : undefined;
  return {
    items: page.rows.map(({ cursorAt: _, language, ...row }) => ({
      ...row,
      language: (languages ? languages.get(row.messageId) : language) ?? null,
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

/**
 * The rows of one page of the outbox (one more than the page), each with its cursor's time;
 * `counting`: they also carry the count of the whole outbox as filtered (`matching`).
 */
export function outboxPageQuery(
  db: Database,
  query: OutboxQuery,
  { counting }: { counting?: SQL | undefined } = {},
) {
  const reading = readingOf("outbox", query);
  const { past, order } = keyset(mailOutbox.queuedAt, mailOutbox.id, reading);
  return db
    .select({ ...outboxColumns, matching: matchingColumn(mailOutbox, counting) })
    .from(mailOutbox)
    .where(and(outboxFilter(query), past))
    .orderBy(...order)
    .limit(writtenLimit(reading.limit))
    .offset(reading.offset);
}

export async function listOutbox(
  db: Database,
  query: OutboxQuery,
): Promise<KeysetPage<OutboxItem>> {
  const reading = readingOf("outbox", query);
  const counting = outboxFilter(query) ?? sql`true`;
  const rows = await outboxPageQuery(db, query, { counting });
  const counted = await totalOfPage(db, rows, mailOutbox, counting);
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
