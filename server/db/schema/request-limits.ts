/**
 * Requests per API key in the current minute, shared by every instance: one row per key, moved to
 * the new minute by the first request in it (server/auth/api-key-request-limit.ts). A counter of
 * the key, not partner data: it follows the key, whichever scope the key has.
 */
import { sql } from "drizzle-orm";
import { check, integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys.ts";

export const apiKeyRequestCounts = pgTable(
  "api_key_request_counts",
  {
    apiKeyId: uuid("api_key_id")
      .primaryKey()
      .references(() => apiKeys.id),
    /** The start of the minute the count is for. */
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    requests: integer().notNull(),
  },
  (t) => [check("api_key_request_counts_positive", sql`${t.requests} > 0`)],
);
