/** An account's history: every application and every change it made, newest first. Append-only. */
import { and, count, desc, eq } from "drizzle-orm";
import type { HistoryEntry } from "../../shared/api/applications.ts";
import type { Page } from "../../shared/api/common.ts";
import { describeApplication } from "../../shared/i18n/describe-application.ts";
import type { Actor } from "../access/actor.ts";
import { accountScope } from "../access/scope.ts";
import type { CatalogueReader } from "../catalogue/queries.ts";
import type { Database } from "../db/client.ts";
import {
  accountHistory,
  accounts,
  applications,
  type EntitlementChange,
  type HistoryEvent,
  users,
} from "../db/schema/index.ts";
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

export async function listHistory(
  db: Database,
  actor: Actor,
  accountId: string,
  paging: { page: number; pageSize: number },
  catalogue: CatalogueReader,
): Promise<Page<HistoryEntry> | null> {
  const [visible] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), accountScope(actor)));
  if (!visible) return null;

  const rows = await db
    .select({ entry: accountHistory, application: applications, actorName: users.name })
    .from(accountHistory)
    .leftJoin(applications, eq(applications.id, accountHistory.applicationId))
    .leftJoin(users, eq(users.id, accountHistory.actorId))
    .where(eq(accountHistory.accountId, accountId))
    .orderBy(desc(accountHistory.seq))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  const [total] = await db
    .select({ value: count() })
    .from(accountHistory)
    .where(eq(accountHistory.accountId, accountId));

  const { names: describe } = await describingNames(db, {
    scope: accountScope(actor),
    catalogue,
    accountIds: rows.map(({ application }) => application?.targetAccountId ?? null),
  });
  return {
    items: rows.map(({ entry, application, actorName }) => ({
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
    page: paging.page,
    pageSize: paging.pageSize,
    total: total?.value ?? 0,
  };
}
