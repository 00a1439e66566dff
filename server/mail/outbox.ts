/**
 * Queuing e-mail: each message becomes a row of the outbox, written with the caller's transaction so
 * that it exists exactly when the event that causes it does. Nothing is sent here.
 */
import { randomUUID } from "node:crypto";
import type { Language } from "../../shared/domain/languages.ts";
import type { Database } from "../db/client.ts";
import { type MailTopic, mailOutbox } from "../db/schema/index.ts";
import { type MailContent, renderMail } from "./templates.ts";

export interface Recipient {
  email: string;
  language: Language;
}

export interface Letter {
  topic: MailTopic;
  partnerId: string | null;
  accountId: string | null;
  content: MailContent;
}

/** Recipients by address, each once (a SuperAdmin may also be the billing contact). */
function distinctRecipients(recipients: Recipient[]): Recipient[] {
  const byEmail = new Map<string, Recipient>();
  for (const recipient of recipients) {
    const key = recipient.email.toLowerCase();
    if (!byEmail.has(key)) byEmail.set(key, recipient);
  }
  return [...byEmail.values()];
}

/**
 * Queues one e-mail per recipient, in the recipient's language, due at once. The Message-ID is fixed
 * here, so every delivery attempt of the row carries the same one.
 */
export async function queueMail(
  tx: Database,
  {
    letter,
    recipients,
    now,
    domain,
  }: { letter: Letter; recipients: Recipient[]; now: Date; domain: string },
): Promise<number> {
  const rows = distinctRecipients(recipients).map((recipient) => {
    const rendered = renderMail(letter.content, recipient.language);
    return {
      messageId: `<${randomUUID()}@${domain}>`,
      topic: letter.topic,
      partnerId: letter.partnerId,
      accountId: letter.accountId,
      recipient: recipient.email,
      language: recipient.language,
      ...rendered,
      queuedAt: now,
      nextAttemptAt: now,
    };
  });
  if (rows.length > 0) await tx.insert(mailOutbox).values(rows);
  return rows.length;
}
