/** Invitations to join Wattfolio, and the security log of who did what to people and access. */
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { LANGUAGES, type Language } from "../../../shared/domain/languages.ts";
import { USER_TYPES, type UserType } from "../../../shared/domain/people.ts";
import type { SecurityEventKind } from "../../../shared/domain/security-log.ts";
import { accounts } from "./accounts.ts";
import { createdAt, sqlList } from "./columns.ts";
import { partners, users } from "./partners-and-people.ts";

/**
 * A single-use link to join: as a partner's user (with a type, and optionally access to one
 * account) or as Customer Success. Only the SHA-256 of the token is kept. At most one invitation
 * per address is open at a time.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    email: text().notNull(),
    name: text().notNull(),
    language: text().$type<Language>().notNull(),
    partnerId: uuid("partner_id").references(() => partners.id),
    userType: text("user_type").$type<UserType>(),
    /** An account-level user starts with access to this account. */
    accountId: uuid("account_id"),
    /** Null when the first Customer Success user was invited from the command line. */
    invitedBy: text("invited_by").references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: text("accepted_by").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.partnerId, t.accountId],
      foreignColumns: [accounts.partnerId, accounts.id],
    }),
    uniqueIndex("invitations_one_open_per_email")
      .on(sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    index("invitations_partner_idx").on(t.partnerId, t.createdAt),
    check("invitations_language_known", sql`${t.language} in (${sqlList(LANGUAGES)})`),
    check("invitations_user_type_known", sql`${t.userType} in (${sqlList(USER_TYPES)})`),
    check(
      "invitations_partner_iff_user_type",
      sql`(${t.partnerId} is null) = (${t.userType} is null)`,
    ),
    check(
      "invitations_accepted_or_revoked",
      sql`${t.acceptedAt} is null or ${t.revokedAt} is null`,
    ),
  ],
);

/**
 * Append-only (a trigger and the application role's grants refuse changes): sign-ins, invitations,
 * roles, access, deactivations, passwords, API keys, rules, partners, the catalogue and the test
 * clock. `detail` holds what changed, as before → after where there is a before.
 */
export const securityEvents = pgTable(
  "security_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull(),
    kind: text().$type<SecurityEventKind>().notNull(),
    /** Who did it; null for the command line and for failed sign-ins. */
    actorId: text("actor_id").references(() => users.id),
    actorName: text("actor_name"),
    /** Whose business it is: the partner of the people or keys concerned; null for the platform's. */
    partnerId: uuid("partner_id").references(() => partners.id),
    /** What it was done to, in words (an e-mail address, a key's name, a licence). */
    subject: text(),
    /** The client address of the request. */
    address: text(),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("security_events_partner_idx").on(t.partnerId, t.id.desc())],
);
