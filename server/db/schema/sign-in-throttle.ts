/**
 * Failed sign-ins, per account (the e-mail as typed, lower-cased, as better-auth looks it up) and
 * per client address, shared by every instance: server/auth/sign-in-throttle.ts claims an attempt
 * here before the password is checked and gives the claim back when it succeeds. Rows quiet for an
 * hour are forgotten. Not partner data: an address or a mistyped e-mail belongs to no partner.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { sqlList } from "./columns.ts";

export const SIGN_IN_SUBJECT_KINDS = ["account", "address"] as const;
export type SignInSubjectKind = (typeof SIGN_IN_SUBJECT_KINDS)[number];

export const signInFailures = pgTable(
  "sign_in_failures",
  {
    kind: text().$type<SignInSubjectKind>().notNull(),
    subject: text().notNull(),
    failures: integer().notNull(),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.subject] }),
    check("sign_in_failures_kind_known", sql`${t.kind} in (${sqlList(SIGN_IN_SUBJECT_KINDS)})`),
    check("sign_in_failures_not_negative", sql`${t.failures} >= 0`),
    index("sign_in_failures_last_failure_idx").on(t.lastFailureAt),
  ],
);
