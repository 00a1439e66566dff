/** Customer Success creates a partner; its first SuperAdmin is invited next, from its page. */
import type { PartnerBody } from "../../shared/api/partners.ts";
import type { CustomerSuccessActor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { partners } from "../db/schema/index.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { asNameTaken, assertPartnerNameFree } from "./partner-name.ts";

export async function createPartner({
  db,
  actor,
  values,
  now,
  address,
}: {
  db: Database;
  actor: CustomerSuccessActor;
  values: PartnerBody;
  now: Date;
  address: string | null;
}): Promise<string> {
  await assertPartnerNameFree(db, values.name);
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(partners)
        .values({ ...values, createdAt: now })
        .returning({ id: partners.id });
      if (!created) throw new Error("insert returned no row");
      await recordSecurityEvent(tx, {
        kind: "partner_created",
        at: now,
        actor,
        partnerId: created.id,
        subject: values.name,
        address,
        detail: { ...values },
      });
      return created.id;
    });
  } catch (error) {
    throw asNameTaken(error, values.name);
  }
}
