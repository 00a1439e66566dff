/** Reinstating a suspended partner: its people can sign in again; reinstating twice changes nothing. */
import { and, eq, isNotNull } from "drizzle-orm";
import type { CustomerSuccessActor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { partners } from "../db/schema/index.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { assertPartnerExists } from "./queries.ts";

export async function reinstatePartner({
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
    const [reinstated] = await tx
      .update(partners)
      .set({ suspendedAt: null })
      .where(and(eq(partners.id, partnerId), isNotNull(partners.suspendedAt)))
      .returning({ name: partners.name });
    if (!reinstated) {
      await assertPartnerExists(tx, partnerId);
      return;
    }
    await recordSecurityEvent(tx, {
      kind: "partner_reinstated",
      at: now,
      actor,
      partnerId,
      subject: reinstated.name,
      address,
    });
  });
}
