/** Mail: the outbox every e-mail is written to, and the in-app mailbox it may be delivered to. */
import { type SQL, sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  type PgColumn,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { MAIL_STATUSES } from "../../../shared/api/lifecycle.ts";
import { LANGUAGES, type Language } from "../../../shared/domain/languages.ts";
import { accounts } from "./accounts.ts";
import { sqlList } from "./columns.ts";
import { partners } from "./partners-and-people.ts";

/**
 * A message's recipient and subject as one text: what a mailbox search finds text in (the index of
 * its trigrams, and the search, say it alike).
 */
export const recipientAndSubject = (recipient: PgColumn, subject: PgColumn): SQL =>
  sql`(${recipient} || chr(10) || ${subject})`;

/** The part of a recipient's address before its "@", lowercased and reversed, as its index holds it. */
export const localPartReversed = (recipient: PgColumn): SQL =>
  sql`reverse(lower(split_part(${recipient}, '@', 1)))`;

export type MailTopic =
  | "reminder_30_days"
  | "reminder_7_days"
  | "reminder_on_the_day"
  | "account_created"
  | "account_renewed"
  | "application_filed"
  | "application_decided"
  | "invitation"
  | "password_reset"
  | "usage_threshold_reached"
  | "sms_credits_low"
  | "webhook_endpoint_disabled";
type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * Every e-mail, written in the same transaction as the event that causes it, then delivered by the
 * dispatcher (at least once: the Message-ID lets a receiver recognise a duplicate).
 * `partner_id` and `account_id` say whose business it is; mail to Customer Success has a partner too.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    messageId: text("message_id").notNull().unique(),
    topic: text().$type<MailTopic>().notNull(),
    partnerId: uuid("partner_id").references(() => partners.id),
    accountId: uuid("account_id"),
    recipient: text().notNull(),
    language: text().$type<Language>().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    status: text().$type<MailStatus>().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull(),
    /** When a dispatcher may take it next; while one holds it, the end of that dispatcher's lease. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    firstAttemptAt: timestamp("first_attempt_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastError: text("last_error"),
  },
  (t) => [
    foreignKey({
      columns: [t.partnerId, t.accountId],
      foreignColumns: [accounts.partnerId, accounts.id],
    }),
    index("mail_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('queued', 'retrying')`),
    // The outbox's pages, newest first (keyset on queued_at, id), all of it or of one status.
    index("mail_outbox_queued_idx").on(t.queuedAt, t.id),
    index("mail_outbox_status_queued_idx").on(t.status, t.queuedAt, t.id),
    check("mail_outbox_status_known", sql`${t.status} in (${sqlList(MAIL_STATUSES)})`),
    check("mail_outbox_language_known", sql`${t.language} in (${sqlList(LANGUAGES)})`),
    check("mail_outbox_sent_iff_sent_at", sql`(${t.status} = 'sent') = (${t.sentAt} is not null)`),
  ],
);

/** The in-app mailbox: where mail is delivered when no SMTP server is configured. */
export const mailboxMessages = pgTable(
  "mailbox_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** A message delivered twice (at-least-once delivery) is recognised by it and kept once. */
    messageId: text("message_id").notNull().unique(),
    sender: text().notNull(),
    recipient: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }).notNull(),
    /**
     * Each pair of neighbouring letters of the recipient and the subject, lowercased
     * (`letter_pairs`, migration 0012): a search for text anywhere in either finds its candidates
     * in one index.
     */
    searchPairs: text("search_pairs")
      .array()
      .notNull()
      .generatedAlwaysAs(sql`letter_pairs(recipient || chr(10) || subject)`),
    /**
     * The recipient and the subject, lowercased once when delivered: a search checks each message
     * it reads against its text, and lowercasing both at every check took half of that check's
     * time (a search's text holds no line break, so never matches across the two).
     */
    searchText: text("search_text")
      .notNull()
      .generatedAlwaysAs(sql`lower(recipient || chr(10) || subject)`),
  },
  (t) => [
    // The mailbox's pages, newest first (keyset on delivered_at, id).
    index("mailbox_messages_delivered_idx").on(t.deliveredAt, t.id),
    // A small pending list: a search reads it whole until it is merged (by autovacuum or when full).
    index("mailbox_messages_search_pairs_idx")
      .using("gin", t.searchPairs)
      .with({ gin_pending_list_limit: 256 }),
    // Text of three letters or more is found by its trigrams (pg_trgm): among a million messages
    // an address's letter pairs are in thousands, its trigrams in a few hundred.
    index("mailbox_messages_search_trigrams_idx")
      .using("gin", sql`${recipientAndSubject(t.recipient, t.subject)} gin_trgm_ops`)
      .with({ gin_pending_list_limit: 256 }),
    // A search for an address ("ana@", "ana@example") looks up whose part before the "@" ends with
    // the text typed before it: trigrams lose where "@" was ("user42@" holds every trigram of
    // "user1342@customer42…"). Reversed, that end is a prefix a B-tree finds in order.
    index("mailbox_messages_recipient_local_part_idx").using(
      "btree",
      sql`${localPartReversed(t.recipient)} text_pattern_ops`,
    ),
    // The subjects of that search: trigrams of the subject alone, as addresses would hold them too.
    index("mailbox_messages_subject_trigrams_idx")
      .using("gin", sql`${t.subject} gin_trgm_ops`)
      .with({ gin_pending_list_limit: 256 }),
  ],
);
