/** Reactivating a partner's user: it can sign in again, with the type and access it had. */
import { and, eq, isNotNull } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import { partnerUserScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { recordSecurityEvent } from "../security-log/record.ts";

export async function reactivateUser({
  db,
  actor,
  userId,
  now,
  address,
}: {
  db: Database;
  actor: Actor;
  userId: string;
  now: Date;
  address: string | null;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const [reactivated] = await tx
      .update(users)
      .set({ deactivatedAt: null, updatedAt: now })
      .where(and(eq(users.id, userId), isNotNull(users.deactivatedAt), partnerUserScope(actor)))
      .returning({ email: users.email, partnerId: users.partnerId });
    if (reactivated) {
      await recordSecurityEvent(tx, {
        kind: "user_reactivated",
        at: now,
        actor,
        partnerId: reactivated.partnerId,
        subject: reactivated.email,
        address,
      });
      return;
    }
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), partnerUserScope(actor)));
    if (!existing) throw notFound("user");
  });
}
