/**
 * Changing an endpoint: its URL, description, events, or whether it is enabled. Enabling it again
 * clears its failures; its deliveries that were waiting go out from then on.
 */
import { and, eq } from "drizzle-orm";
import type { EventType } from "../../shared/domain/events.ts";
import type { Actor } from "../access/actor.ts";
import { webhookEndpointScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { webhookEndpoints } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { checkEndpointUrl } from "./endpoint-rules.ts";
import { holdDeliveries } from "./hold-deliveries.ts";

export async function changeEndpoint({
  db,
  actor,
  endpointId,
  change,
  now,
  allowLocalHttp,
  address,
}: {
  db: Database;
  actor: Actor;
  endpointId: string;
  change: { url?: string; description?: string; eventTypes?: EventType[]; enabled?: boolean };
  now: Date;
  allowLocalHttp: boolean;
  /** The request's client address, for the security log. */
  address?: string;
}): Promise<void> {
  if (change.url !== undefined) checkEndpointUrl(change.url, allowLocalHttp);
  const enabling =
    change.enabled === true
      ? { enabled: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null }
      : change.enabled === false
        ? { enabled: false, disabledAt: now, disabledReason: "by_user" }
        : {};
  const where = and(eq(webhookEndpoints.id, endpointId), webhookEndpointScope(actor));
  const values = {
    ...(change.url !== undefined ? { url: change.url } : {}),
    ...(change.description !== undefined ? { description: change.description } : {}),
    ...(change.eventTypes !== undefined ? { eventTypes: change.eventTypes } : {}),
  };
  const found = await db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        enabled: webhookEndpoints.enabled,
        partnerId: webhookEndpoints.partnerId,
        url: webhookEndpoints.url,
        description: webhookEndpoints.description,
        eventTypes: webhookEndpoints.eventTypes,
      })
      .from(webhookEndpoints)
      .where(where)
      .for("update");
    if (!current) return false;
    // Disabling an endpoint that is already disabled keeps when and why it was.
    const set = { ...values, ...(change.enabled === current.enabled ? {} : enabling) };
    if (Object.keys(set).length === 0) return true;
    await tx.update(webhookEndpoints).set(set).where(where);
    if (change.enabled !== undefined && change.enabled !== current.enabled) {
      await holdDeliveries(tx, endpointId, change.enabled);
    }
    const before = Object.fromEntries(
      Object.keys(set).map((key) => [key, current[key as keyof typeof current]]),
    );
    await recordSecurityEvent(tx, {
      kind: "webhook_endpoint_changed",
      at: now,
      actor,
      partnerId: current.partnerId,
      subject: change.url ?? current.url,
      address: address ?? null,
      detail: { webhookEndpointId: endpointId, before, after: set },
    });
    return true;
  });
  if (!found) throw notFound("webhook endpoint");
}
