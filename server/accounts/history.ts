/** An account's history: every application and every change it made, newest first. Append-only. */
import { and, asc, desc, eq, gt, lt } from "drizzle-orm";
import {
  type HistoryEntry,
  type HistoryQuery,
  readHistoryCursor,
} from "../../shared/api/applications.ts";
import type { KeysetPage } from "../../shared/api/common.ts";
import { describeApplication } from "../../shared/i18n/describe-application.ts";
import type { Actor } from "../access/actor.ts";
import { accountScope } from "../access/scope.ts";
import type { CatalogueReader } from "../catalogue/queries.ts";
import type { Database } from "../db/client.ts";
import {
  atStart,
  matchingColumn,
  pageOfRows,
  type Reading,
  readingOf,
  totalOfPage,
} from "../db/paging.ts";
import {
  accountHistory,
  accounts,
  applications,
  type EntitlementChange,
  type HistoryEvent,
  users,
} from "../db/schema/index.ts";
import { writtenLimit } from "../db/written.ts";
import { translator } from "../i18n/translate.ts";
import { describingNames } from "./names.ts";

type Application = typeof applications.$inferSelect;

/** One history row per account the application concerns (both accounts of a move). */
export async function recordHistory(
  tx: Database,
  application: Application,
  event: HistoryEvent,
  entry: {
    accountId?: string;
    actorId: string | null;
    at: Date;
    comment: string;
    changes?: EntitlementChange[];
  },
): Promise<void> {
  const accountIds = entry.accountId
    ? [entry.accountId]
    : [application.accountId, application.targetAccountId].filter(
        (id): id is string => id !== null,
      );
  if (accountIds.length === 0) return;
  await tx.insert(accountHistory).values(
    accountIds.map((accountId) => ({
      partnerId: application.partnerId,
      accountId,
      applicationId: application.id,
      event,
      actorId: entry.actorId,
      occurredAt: entry.at,
      comment: entry.comment,
      changes: entry.changes ?? [],
    })),
  );
}

/**
 * The entries of a page of an account's history, newest first, with their application and actor:
 * a range of the index (account, seq) after (older than) or, backwards, before the entry `from`.
 */
export function historyPageQuery(db: Database, accountId: string, reading: Reading<number>) {
  const { from, backwards } = reading;
  const past = from === null ? undefined : (backwards ? gt : lt)(accountHistory.seq, from);
  return db
    .select({
      entry: accountHistory,
      application: applications,
      actorName: users.name,
      matching: matchingColumn(accountHistory, reading.counting),
    })
    .from(accountHistory)
    .leftJoin(applications, eq(applications.id, accountHistory.applicationId))
    .leftJoin(users, eq(users.id, accountHistory.actorId))
    .where(and(eq(accountHistory.accountId, accountId), past))
    .orderBy((backwards ? asc : desc)(accountHistory.seq))
    .limit(writtenLimit(reading.limit))
    .offset(reading.offset);
}

/**
 * A page of an account's history, newest first, read by cursors (keyset): the page after `after`
 * or before `before` is a range of the index (account, seq), however long the history has grown.
 * The total is counted up to EXACT_TOTAL_UP_TO.
 */
export async function listHistory(
  db: Database,
  actor: Actor,
  accountId: string,
  query: HistoryQuery,
  catalogue: CatalogueReader,
): Promise<KeysetPage<HistoryEntry> | null> {
  const [visible] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), accountScope(actor)));
  if (!visible) return null;

  const reading = readingOf(query, readHistoryCursor);
  const counting = eq(accountHistory.accountId, accountId);
  const rows = await historyPageQuery(db, accountId, { ...reading, counting });
  const counted = await totalOfPage(db, rows, accountHistory, counting);
  const {
    rows: page,
    next,
    previous,
  } = pageOfRows(
    rows,
    { pageSize: query.pageSize, backwards: reading.backwards, atStart: atStart(reading) },
    (row) => [String(row.entry.seq)],
  );

  const { names: describe } = await describingNames(db, {
    scope: accountScope(actor),
    catalogue,
    accountIds: page.map(({ application }) => application?.targetAccountId ?? null),
  });
  return {
    items: page.map(({ entry, application, actorName }) => ({
      id: entry.id,
      event: entry.event,
      application: application
        ? {
            id: application.id,
            kind: application.kind,
            status: application.status,
            summary: describeApplication(
              application.kind,
              application.payload,
              describe,
              translator(actor.language),
            ),
          }
        : null,
      actor: entry.actorId ? { id: entry.actorId, name: actorName ?? "" } : null,
      occurredAt: entry.occurredAt.toISOString(),
      comment: entry.comment,
      changes: entry.changes,
    })),
    page: query.page,
    pageSize: query.pageSize,
    ...counted,
    next,
    previous,
  };
}
