/**
 * Registering a webhook endpoint. A SuperAdmin's receives the events of the partner's accounts;
 * Customer Success registers platform-wide ones, which receive every partner's. The signing secret
 * is shown in the answer; it stays readable to the owners only through a rotation.
 */
import type { EventType } from "../../shared/domain/events.ts";
import type { Actor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { webhookEndpoints } from "../db/schema/index.ts";
import { checkEndpointUrl, newWebhookSecret } from "./endpoint-rules.ts";

export async function registerEndpoint({
  db,
  actor,
  url,
  description,
  eventTypes,
  now,
  allowLocalHttp,
}: {
  db: Database;
  actor: Actor;
  url: string;
  description: string;
  eventTypes: EventType[];
  now: Date;
  allowLocalHttp: boolean;
}): Promise<{ id: string; secret: string }> {
  checkEndpointUrl(url, allowLocalHttp);
  const secret = newWebhookSecret();
  const [created] = await db
    .insert(webhookEndpoints)
    .values({
      partnerId: actor.kind === "partner_user" ? actor.partnerId : null,
      url,
      description,
      eventTypes,
      secret,
      createdBy: actor.userId,
      createdAt: now,
    })
    .returning({ id: webhookEndpoints.id });
  if (!created) throw new Error("insert returned no row");
  return { id: created.id, secret };
}
