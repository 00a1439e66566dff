/**
 * Registering a webhook endpoint. A SuperAdmin's receives the events of the partner's accounts;
 * Customer Success registers platform-wide ones, which receive every partner's. The signing secret
 * is shown in the answer; it stays readable to the owners only through a rotation.
 */
import type { EventType } from "../../shared/domain/events.ts";
import type { Actor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { webhookEndpoints } from "../db/schema/index.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { checkEndpointUrl, newWebhookSecret } from "./endpoint-rules.ts";

export async function registerEndpoint({
  db,
  actor,
  url,
  description,
  eventTypes,
  now,
  allowLocalHttp,
  address,
}: {
  db: Database;
  actor: Actor;
  url: string;
  description: string;
  eventTypes: EventType[];
  now: Date;
  allowLocalHttp: boolean;
  /** The request's client address, for the security log. */
  address?: string;
}): Promise<{ id: string; secret: string }> {
  checkEndpointUrl(url, allowLocalHttp);
  const secret = newWebhookSecret();
  const partnerId = actor.kind === "partner_user" ? actor.partnerId : null;
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(webhookEndpoints)
      .values({
        partnerId,
        url,
        description,
        eventTypes,
        secret,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: webhookEndpoints.id });
    if (!created) throw new Error("insert returned no row");
    await recordSecurityEvent(tx, {
      kind: "webhook_endpoint_created",
      at: now,
      actor,
      partnerId,
      subject: url,
      address: address ?? null,
      detail: { webhookEndpointId: created.id, eventTypes },
    });
    return { id: created.id, secret };
  });
}
