/**
 * An endpoint's waiting deliveries follow it when it is disabled or enabled again, in the same
 * transaction: held ones leave the due index, so claims never read past them however many there
 * are, and resumed ones are due again at the moment they were due.
 */
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { webhookDeliveries } from "../db/schema/index.ts";

/** Call with the endpoint's row locked, as it is changed. */
export async function holdDeliveries(
  tx: Database,
  endpointId: string,
  endpointEnabled: boolean,
): Promise<void> {
  await tx
    .update(webhookDeliveries)
    .set({ endpointEnabled })
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        inArray(webhookDeliveries.status, ["queued", "retrying"]),
        ne(webhookDeliveries.endpointEnabled, endpointEnabled),
      ),
    );
}
