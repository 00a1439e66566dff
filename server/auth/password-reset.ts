/**
 * Forgotten passwords, on better-auth's own reset: it makes the single-use token (kept hashed),
 * checks its hour, sets the new password and ends the user's sessions. Ours on top: the e-mail,
 * queued in the outbox in the user's language with a link to our page, and the security log; and
 * the user's other pending links end when the password is reset or changed, or when the user is
 * deactivated or their partner suspended (`forgetPasswordResets`).
 */
import { eq, inArray } from "drizzle-orm";
import type { Clock } from "../../shared/domain/clock.ts";
import { PASSWORD_RESET_VALID_SECONDS } from "../../shared/domain/people.ts";
import type { Database } from "../db/client.ts";
import { users, verifications } from "../db/schema/index.ts";
import { queueMail } from "../mail/outbox.ts";
import { recordSecurityEvent } from "../security-log/record.ts";

async function personOf(db: Database, userId: string) {
  const [person] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      language: users.language,
      partnerId: users.partnerId,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  return person;
}

/**
 * Queues the reset e-mail and records the request, in one transaction. A deactivated user gets
 * neither: their account is closed to them, and a new password would not let them in.
 */
export async function mailPasswordReset({
  db,
  clock,
  publicUrl,
  userId,
  token,
  address,
}: {
  db: Database;
  clock: Clock;
  publicUrl: string;
  userId: string;
  token: string;
  address: string | null;
}): Promise<void> {
  const person = await personOf(db, userId);
  if (!person || person.deactivatedAt) return;
  const now = clock.now();
  await db.transaction(async (tx) => {
    await queueMail(tx, {
      letter: {
        topic: "password_reset",
        partnerId: person.partnerId,
        accountId: null,
        content: {
          topic: "password_reset",
          name: person.name,
          resetUrl: `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
          validMinutes: PASSWORD_RESET_VALID_SECONDS / 60,
        },
      },
      recipients: [{ email: person.email, language: person.language }],
      now,
      domain: new URL(publicUrl).hostname,
    });
    await recordSecurityEvent(tx, {
      kind: "password_reset_requested",
      at: now,
      actor: null,
      partnerId: person.partnerId,
      subject: person.email,
      address,
    });
  });
}

/**
 * Deletes the pending reset links of a user, or of every user of a partner. better-auth keeps each
 * as a `verifications` row whose identifier is the hash of `reset-password:<token>` (so it cannot
 * be told apart by its identifier) and whose value is the user's id; resets are the only
 * verifications we use, so every row with the user's id as its value is one of their reset links.
 */
export async function forgetPasswordResets(
  db: Database,
  whose: { userId: string } | { partnerId: string },
): Promise<void> {
  await db
    .delete(verifications)
    .where(
      "userId" in whose
        ? eq(verifications.value, whose.userId)
        : inArray(
            verifications.value,
            db.select({ id: users.id }).from(users).where(eq(users.partnerId, whose.partnerId)),
          ),
    );
}

/**
 * Records a completed reset and ends the user's other reset links; better-auth has already set the
 * password, used this link and ended the sessions.
 */
export async function recordPasswordReset({
  db,
  clock,
  userId,
  address,
}: {
  db: Database;
  clock: Clock;
  userId: string;
  address: string | null;
}): Promise<void> {
  const person = await personOf(db, userId);
  if (!person) return;
  await db.transaction(async (tx) => {
    await forgetPasswordResets(tx, { userId: person.id });
    await recordSecurityEvent(tx, {
      kind: "password_reset",
      at: clock.now(),
      actor: { userId: person.id, name: person.name },
      partnerId: person.partnerId,
      subject: person.email,
      address,
    });
  });
}
