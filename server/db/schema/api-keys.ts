import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { partners, users } from "./partners-and-people.ts";

/**
 * Keys that integrations (machine clients of the platform) authenticate with. A key reaches every
 * account (platform-wide, made by Customer Success), every account of one partner, or one account.
 * Only a SHA-256 hash of the secret is kept: the secret is shown once, when the key is created.
 * Keys are revoked, never deleted.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The partner whose accounts the key reaches; null for a platform-wide key. */
    partnerId: uuid("partner_id").references(() => partners.id),
    /** The one account the key reaches; null when it reaches every account of its scope. */
    accountId: uuid("account_id"),
    name: text().notNull(),
    /** The first characters of the secret, to recognise a key in lists. */
    prefix: text().notNull(),
    secretHash: text("secret_hash").notNull().unique(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** Recorded at most about once a minute, so that using a key does not write on every request. */
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: text("revoked_by").references(() => users.id),
  },
  (t) => [
    unique("api_keys_partner_id_id_key").on(t.partnerId, t.id),
    foreignKey({
      columns: [t.partnerId, t.accountId],
      foreignColumns: [accounts.partnerId, accounts.id],
    }),
    index("api_keys_partner_created_idx").on(t.partnerId, t.createdAt),
    check(
      "api_keys_account_has_partner",
      sql`${t.accountId} is null or ${t.partnerId} is not null`,
    ),
    check("api_keys_revoked_by_someone", sql`(${t.revokedAt} is null) = (${t.revokedBy} is null)`),
  ],
);
