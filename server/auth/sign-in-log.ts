/**
 * What better-auth does at /api/auth, in the security log: sign-ins that succeeded or failed, and
 * password changes. better-auth has already committed its part when these are written (its
 * adapter does not share our transactions), so each is written right after, on its own.
 */
import { eq, sql } from "drizzle-orm";
import type { Clock } from "../../shared/domain/clock.ts";
import type { Database } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { recordSecurityEvent } from "../security-log/record.ts";

const personColumns = { id: users.id, name: users.name, partnerId: users.partnerId };

/**
 * A sign-in with `email`: on success the user is the actor; on failure nobody is, and the event
 * belongs to the partner of the user the address is theirs, so that their SuperAdmin sees it.
 */
export async function recordSignIn(
  db: Database,
  clock: Clock,
  attempt: { email: string; address: string; refusal: string | null },
): Promise<void> {
  const [person] = await db
    .select(personColumns)
    .from(users)
    .where(eq(users.email, sql`lower(${attempt.email})`));
  const succeeded = attempt.refusal === null && person !== undefined;
  await recordSecurityEvent(db, {
    kind: succeeded ? "sign_in_succeeded" : "sign_in_failed",
    at: clock.now(),
    actor: succeeded ? { userId: person.id, name: person.name } : null,
    partnerId: person?.partnerId ?? null,
    subject: attempt.email,
    address: attempt.address,
    detail: attempt.refusal === null ? {} : { reason: attempt.refusal },
  });
}

/** A user changed their own password (their other sessions ended with it). */
export async function recordPasswordChanged(
  db: Database,
  clock: Clock,
  change: { userId: string; address: string },
): Promise<void> {
  const [person] = await db
    .select({ ...personColumns, email: users.email })
    .from(users)
    .where(eq(users.id, change.userId));
  if (!person) return;
  await recordSecurityEvent(db, {
    kind: "password_changed",
    at: clock.now(),
    actor: { userId: person.id, name: person.name },
    partnerId: person.partnerId,
    subject: person.email,
    address: change.address,
  });
}
