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
import { recordSecurityEvent } from "../security-log/record.ts";
import { newWebhookSecret } from "./endpoint-rules.ts";

export async function rotateSecret({
  db,
  actor,
  endpointId,
  now,
  address,
}: {
  db: Database;
  actor: Actor;
  endpointId: string;
  now: Date;
  /** The request's client address, for the security log. */
  address?: string;
}): Promise<{ secret: string }> {
  const secret = newWebhookSecret();
  return db.transaction(async (tx) => {
    const [rotated] = await tx
      .update(webhookEndpoints)
      .set({
        previousSecret: sql`${webhookEndpoints.secret}`,
        previousSecretExpiresAt: new Date(now.getTime() + WEBHOOK_PREVIOUS_SECRET_MS),
        secret,
      })
      .where(and(eq(webhookEndpoints.id, endpointId), webhookEndpointScope(actor)))
      .returning({ partnerId: webhookEndpoints.partnerId, url: webhookEndpoints.url });
    if (!rotated) throw notFound("webhook endpoint");
    await recordSecurityEvent(tx, {
      kind: "webhook_secret_rotated",
      at: now,
      actor,
      partnerId: rotated.partnerId,
      subject: rotated.url,
      address: address ?? null,
      detail: { webhookEndpointId: endpointId },
    });
    return { secret };
  });
}
