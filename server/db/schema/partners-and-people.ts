/** Partners, the people who sign in, and the tables better-auth keeps for them. */
import { relations, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { LANGUAGES, type Language } from "../../../shared/domain/languages.ts";
import { USER_TYPES, type UserType } from "../../../shared/domain/people.ts";
import { createdAt, sqlList, updatedAt } from "./columns.ts";

export const partners = pgTable(
  "partners",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull().unique(),
    /** IANA time zone in which the partner's accounts expire; UTC unless the partner sets one. */
    timeZone: text("time_zone").notNull().default("UTC"),
    /** ISO 3166-1 alpha-2. */
    country: text().notNull(),
    /** The language of e-mails to the partner's people until each chooses their own. */
    defaultLanguage: text("default_language").notNull().default("en"),
    /** While set, the partner's users cannot sign in; nothing of the partner is removed. */
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check("partners_default_language_known", sql`${t.defaultLanguage} in (${sqlList(LANGUAGES)})`),
  ],
);

const USER_ROLES = ["customer_success", "partner"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** People who sign in. Columns without a snake_case twin are the ones better-auth reads by name. */
export const users = pgTable(
  "users",
  {
    id: text().primaryKey(),
    name: text().notNull(),
    email: text().notNull().unique(),
    emailVerified: boolean("email_verified").notNull().default(false),
    image: text(),
    role: text().$type<UserRole>().notNull(),
    partnerId: uuid("partner_id").references(() => partners.id),
    isSuperAdmin: boolean("is_super_admin").notNull().default(false),
    /** A partner user's type; `is_super_admin` mirrors `super_admin` for better-auth and queries. */
    userType: text("user_type").$type<UserType>(),
    /** While set, the user cannot sign in and has no session. */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    language: text().$type<Language>().notNull().default("en"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("users_partner_id_id_key").on(t.partnerId, t.id),
    check("users_role_known", sql`${t.role} in (${sqlList(USER_ROLES)})`),
    check(
      "users_partner_iff_partner_role",
      sql`(${t.role} = 'partner') = (${t.partnerId} is not null)`,
    ),
    check("users_user_type_known", sql`${t.userType} in (${sqlList(USER_TYPES)})`),
    check(
      "users_user_type_iff_partner_role",
      sql`(${t.role} = 'partner') = (${t.userType} is not null)`,
    ),
    check(
      "users_super_admin_is_its_type",
      sql`${t.isSuperAdmin} = coalesce(${t.userType} = 'super_admin', false)`,
    ),
    check("users_language_known", sql`${t.language} in (${sqlList(LANGUAGES)})`),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    token: text().notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

/** Sign-in methods of a user (better-auth's "account" model); here only e-mail and password. */
export const credentials = pgTable(
  "credentials",
  {
    id: text().primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accountId: text("provider_account_id").notNull(),
    providerId: text("provider_id").notNull(),
    password: text(),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("credentials_user_id_idx").on(t.userId)],
);

export const verifications = pgTable("verifications", {
  id: text().primaryKey(),
  identifier: text().notNull(),
  value: text().notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Sign-in attempts per client address, shared by every server instance. */
export const rateLimits = pgTable("rate_limits", {
  id: text().primaryKey(),
  key: text().notNull().unique(),
  count: integer().notNull(),
  lastRequest: bigint("last_request", { mode: "number" }).notNull(),
});

/**
 * What better-auth reads together in one query (its joins): a session with its user on every
 * signed-in request, a user with their sign-in methods (better-auth calls them "accounts") at
 * sign-in.
 */
export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));
export const usersRelations = relations(users, ({ many }) => ({
  accounts: many(credentials),
}));
export const credentialsRelations = relations(credentials, ({ one }) => ({
  user: one(users, { fields: [credentials.userId], references: [users.id] }),
}));
