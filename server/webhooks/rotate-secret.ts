/**
 * Rotating an endpoint's secret: a new one signs from now on, and the one it replaces keeps signing
 * beside it for a day, so that the receiver can switch over without refusing a delivery.
 */
import { and, eq, sql } from "drizzle-orm";
import { WEBHOOK_PREVIOUS_SECRET_MS } from "../../shared/domain/webhooks.ts";
import type { Actor } from "../access/actor.ts";
import { webhookEndpointScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { webhookEndpoints } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { newWebhookSecret } from "./endpoint-rules.ts";

export async function rotateSecret({
  db,
  actor,
  endpointId,
  now,
}: {
  db: Database;
  actor: Actor;
  endpointId: string;
  now: Date;
}): Promise<{ secret: string }> {
  const secret = newWebhookSecret();
  const [rotated] = await db
    .update(webhookEndpoints)
    .set({
      previousSecret: sql`${webhookEndpoints.secret}`,
      previousSecretExpiresAt: new Date(now.getTime() + WEBHOOK_PREVIOUS_SECRET_MS),
      secret,
    })
    .where(and(eq(webhookEndpoints.id, endpointId), webhookEndpointScope(actor)))
    .returning({ id: webhookEndpoints.id });
  if (!rotated) throw notFound("webhook endpoint");
  return { secret };
}
