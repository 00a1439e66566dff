/** Reactivating a Customer Success colleague: they can sign in again; doing it twice changes nothing. */
import { and, eq, isNotNull } from "drizzle-orm";
import type { CustomerSuccessActor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { findStaffMember } from "./queries.ts";

export async function reactivateStaffMember({
  db,
  actor,
  userId,
  now,
  address,
}: {
  db: Database;
  actor: CustomerSuccessActor;
  userId: string;
  now: Date;
  address: string;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const [reactivated] = await tx
      .update(users)
      .set({ deactivatedAt: null })
      .where(
        and(
          eq(users.id, userId),
          eq(users.role, "customer_success"),
          isNotNull(users.deactivatedAt),
        ),
      )
      .returning({ email: users.email });
    if (!reactivated) {
      if (!(await findStaffMember(tx, userId))) throw notFound("Customer Success user");
      return;
    }
    await recordSecurityEvent(tx, {
      kind: "user_reactivated",
      at: now,
      actor,
      partnerId: null,
      subject: reactivated.email,
      address,
    });
  });
}
