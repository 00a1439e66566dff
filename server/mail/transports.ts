/**
 * Where the dispatcher hands e-mail over: an SMTP server (nodemailer) when SMTP_URL is set, else the
 * in-app mailbox that Customer Success reads. The outbox, retries and records are the same for both.
 */
import nodemailer from "nodemailer";
import type { MailConfig } from "../config.ts";
import type { Database } from "../db/client.ts";
import { mailboxMessages } from "../db/schema/index.ts";

interface OutgoingMail {
  messageId: string;
  recipient: string;
  subject: string;
  html: string;
  text: string;
}

export interface MailTransport {
  kind: "smtp" | "mailbox";
  /** Resolves once the message is accepted; rejects with the reason it was not. */
  deliver(mail: OutgoingMail, now: Date): Promise<void>;
  close(): void;
}

/**
 * Timeouts well inside the dispatcher's lease on a message, so a hanging server cannot make two
 * dispatchers hold the same message at once.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS });
  return {
    kind: "smtp",
    deliver: async (mail) => {
      await transporter.sendMail({
        from,
        to: mail.recipient,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
      });
    },
    close: () => transporter.close(),
  };
}

/**
 * A message delivered again (after a dispatcher died before recording it) is recognised by its
 * Message-ID and kept once. The mailbox is the recipient's inbox: it keeps invitation and reset
 * links as delivered (the dispatcher removes them from the outbox only after SMTP delivery), which
 * is why production sets SMTP_URL and keeps the mailbox for evaluation and tests.
 */
export function mailboxTransport(db: Database, from: string): MailTransport {
  return {
    kind: "mailbox",
    deliver: async (mail, now) => {
      await db
        .insert(mailboxMessages)
        .values({
          messageId: mail.messageId,
          sender: from,
          recipient: mail.recipient,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          deliveredAt: now,
        })
        .onConflictDoNothing({ target: mailboxMessages.messageId });
    },
    close: () => {},
  };
}

export function transportFor(config: MailConfig, db: Database): MailTransport {
  return config.smtpUrl
    ? smtpTransport(config.smtpUrl, config.from)
    : mailboxTransport(db, config.from);
}
