/** An account's history: every application and every change it made, newest first. Append-only. */
import { and, count, desc, eq } from "drizzle-orm";
import type { HistoryEntry } from "../../shared/api/applications.ts";
import type { Page } from "../../shared/api/common.ts";
import { describeApplication } from "../../shared/domain/describe.ts";
import { accountStates, catalogue } from "../applications/state.ts";
import type { Actor } from "../auth/actor.ts";
import { accountScope } from "../auth/scope.ts";
import type { Database } from "../db/client.ts";
import { accountHistory, accounts, applications, users } from "../db/schema.ts";

export async function listHistory(
  db: Database,
  actor: Actor,
  accountId: string,
  paging: { page: number; pageSize: number },
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

  const { names } = await catalogue(db);
  const states = await accountStates(
    db,
    rows.flatMap(({ application }) =>
      application?.targetAccountId ? [application.targetAccountId] : [],
    ),
  );
  const describe = { ...names, account: (id: string) => states.get(id)?.name };
  return {
    items: rows.map(({ entry, application, actorName }) => ({
      id: entry.id,
      event: entry.event,
      application: application
        ? {
            id: application.id,
            kind: application.kind,
            status: application.status,
            summary: describeApplication(application.kind, application.payload, describe),
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
