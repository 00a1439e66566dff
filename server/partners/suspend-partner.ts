/**
 * Suspending a partner: none of its people can sign in until it is reinstated, and the sessions
 * they have and their pending password reset links end in the same transaction. Sessions live in the database, so every server instance
 * refuses them from the commit on. Nothing of the partner is removed. Suspending twice changes
 * nothing the second time.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { CustomerSuccessActor } from "../access/actor.ts";
import { forgetPasswordResets } from "../auth/password-reset.ts";
import type { Database } from "../db/client.ts";
import { partners, sessions, users } from "../db/schema/index.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { assertPartnerExists } from "./queries.ts";

export async function suspendPartner({
  db,
  actor,
  partnerId,
  now,
  address,
}: {
  db: Database;
  actor: CustomerSuccessActor;
  partnerId: string;
  now: Date;
  address: string;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const [suspended] = await tx
      .update(partners)
      .set({ suspendedAt: now })
      .where(and(eq(partners.id, partnerId), isNull(partners.suspendedAt)))
      .returning({ name: partners.name });
    if (!suspended) {
      await assertPartnerExists(tx, partnerId);
      return;
    }
    const ended = await tx
      .delete(sessions)
      .where(
        inArray(
          sessions.userId,
          tx.select({ id: users.id }).from(users).where(eq(users.partnerId, partnerId)),
        ),
      )
      .returning({ id: sessions.id });
    await forgetPasswordResets(tx, { partnerId });
    await recordSecurityEvent(tx, {
      kind: "partner_suspended",
      at: now,
      actor,
      partnerId,
      subject: suspended.name,
      address,
      detail: { sessionsEnded: ended.length },
    });
  });
}
