/** Only the SuperAdmin who filed an application can withdraw it, and only while it is pending. */
import { and, eq } from "drizzle-orm";
import type { PartnerUserActor } from "../access/actor.ts";
import { applicationScope } from "../access/scope.ts";
import { recordHistory } from "../accounts/history.ts";
import type { CatalogueReader } from "../catalogue/queries.ts";
import type { Database } from "../db/client.ts";
import { applications } from "../db/schema/index.ts";
import { notFound, Problem } from "../errors.ts";
import { recordApplicationEvent } from "../events/application-events.ts";
import { notPendingOrMissing } from "./refusals.ts";

export async function withdrawApplication({
  db,
  actor,
  applicationId,
  now,
  catalogue,
}: {
  db: Database;
  actor: PartnerUserActor;
  applicationId: string;
  now: Date;
  /** For the event's summary of what was asked. */
  catalogue: CatalogueReader;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const ofPartner = and(eq(applications.id, applicationId), applicationScope(actor));
    const [withdrawn] = await tx
      .update(applications)
      .set({ status: "withdrawn", decidedBy: actor.userId, decidedAt: now })
      .where(
        and(
          ofPartner,
          eq(applications.requestedBy, actor.userId),
          eq(applications.status, "pending"),
        ),
      )
      .returning();
    if (withdrawn) {
      await recordHistory(tx, withdrawn, "withdrawn", {
        actorId: actor.userId,
        at: now,
        comment: "",
      });
      await recordApplicationEvent(tx, "application.withdrawn", { applicationId, catalogue, now });
      return;
    }
    const [existing] = await tx
      .select({ requestedBy: applications.requestedBy })
      .from(applications)
      .where(ofPartner);
    if (!existing) throw notFound("application");
    if (existing.requestedBy !== actor.userId) {
      throw new Problem(
        "FORBIDDEN",
        "Only the SuperAdmin who filed an application can withdraw it.",
      );
    }
    throw await notPendingOrMissing(tx, applicationId);
  });
}
