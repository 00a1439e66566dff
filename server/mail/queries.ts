/** Reading the in-app mailbox and the outbox, newest first, for Customer Success. */
import { and, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import type { Page } from "../../shared/api/common.ts";
import type {
  MailboxItem,
  MailboxMessage,
  MailboxQuery,
  OutboxItem,
  OutboxQuery,
} from "../../shared/api/lifecycle.ts";
import type { Database } from "../db/client.ts";
import { mailboxMessages, mailOutbox } from "../db/schema/index.ts";
import { containing } from "../db/search.ts";

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

export async function listMailbox(db: Database, query: MailboxQuery): Promise<Page<MailboxItem>> {
  const filters: SQL[] = [];
  if (query.q) {
    const pattern = containing(query.q);
    const either = or(
      ilike(mailboxMessages.recipient, pattern),
      ilike(mailboxMessages.subject, pattern),
    );
    if (either) filters.push(either);
  }
  const where = and(...filters);
  const rows = await db
    .select(itemColumns)
    .from(mailboxMessages)
    .leftJoin(mailOutbox, eq(mailOutbox.messageId, mailboxMessages.messageId))
    .where(where)
    .orderBy(desc(mailboxMessages.deliveredAt), desc(mailboxMessages.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await db.select({ value: count() }).from(mailboxMessages).where(where);
  return {
    items: rows.map((row) => ({ ...row, deliveredAt: row.deliveredAt.toISOString() })),
    page: query.page,
    pageSize: query.pageSize,
    total: total?.value ?? 0,
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

export async function listOutbox(db: Database, query: OutboxQuery): Promise<Page<OutboxItem>> {
  const where = query.status ? eq(mailOutbox.status, query.status) : undefined;
  const rows = await db
    .select()
    .from(mailOutbox)
    .where(where)
    .orderBy(desc(mailOutbox.queuedAt), desc(mailOutbox.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await db.select({ value: count() }).from(mailOutbox).where(where);
  return {
    items: rows.map((row) => {
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
    total: total?.value ?? 0,
  };
}
