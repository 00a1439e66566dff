/**
 * Customer Success renames a partner or changes where it is: country, time zone (in which its
 * accounts' days begin and end, from the next request on) and default language. The security log
 * keeps the fields that changed, before → after.
 */
import { eq } from "drizzle-orm";
import type { PartnerBody } from "../../shared/api/partners.ts";
import type { CustomerSuccessActor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { partners } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { asNameTaken, assertPartnerNameFree } from "./partner-name.ts";

const FIELDS = ["name", "country", "timeZone", "defaultLanguage"] as const;

export async function changePartner({
  db,
  actor,
  partnerId,
  values,
  now,
  address,
}: {
  db: Database;
  actor: CustomerSuccessActor;
  partnerId: string;
  values: PartnerBody;
  now: Date;
  address: string;
}): Promise<void> {
  await assertPartnerNameFree(db, values.name, partnerId);
  try {
    await db.transaction(async (tx) => {
      const [current] = await tx
        .select({
          name: partners.name,
          country: partners.country,
          timeZone: partners.timeZone,
          defaultLanguage: partners.defaultLanguage,
        })
        .from(partners)
        .where(eq(partners.id, partnerId))
        .for("update");
      if (!current) throw notFound("partner");
      const changed = FIELDS.filter((field) => current[field] !== values[field]);
      if (changed.length === 0) return;
      await tx.update(partners).set(values).where(eq(partners.id, partnerId));
      await recordSecurityEvent(tx, {
        kind: "partner_changed",
        at: now,
        actor,
        partnerId,
        subject: values.name,
        address,
        detail: {
          before: Object.fromEntries(changed.map((field) => [field, current[field]])),
          after: Object.fromEntries(changed.map((field) => [field, values[field]])),
        },
      });
    });
  } catch (error) {
    throw asNameTaken(error, values.name);
  }
}
