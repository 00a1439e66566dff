/**
 * Telling an endpoint's owners that it was disabled for failing: the partner's SuperAdmins, or the
 * Customer Success team for a platform-wide endpoint. Queued with the transaction that disabled it.
 */
import { and, eq, isNull } from "drizzle-orm";
import { languageOf } from "../../shared/domain/languages.ts";
import type { Database } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { queueMail } from "../mail/outbox.ts";

export async function tellOwnersOfDisabledEndpoint(
  tx: Database,
  endpoint: { id: string; partnerId: string | null; url: string; failures: number },
  now: Date,
  publicUrl: string,
): Promise<number> {
  const owners = await tx
    .select({ email: users.email, language: users.language })
    .from(users)
    .where(
      and(
        endpoint.partnerId
          ? and(eq(users.partnerId, endpoint.partnerId), eq(users.isSuperAdmin, true))
          : eq(users.role, "customer_success"),
        isNull(users.deactivatedAt),
      ),
    )
    .orderBy(users.email);
  return queueMail(tx, {
    letter: {
      topic: "webhook_endpoint_disabled",
      partnerId: endpoint.partnerId,
      accountId: null,
      content: {
        topic: "webhook_endpoint_disabled",
        url: endpoint.url,
        failures: endpoint.failures,
        webhooksUrl: `${publicUrl}/webhooks`,
      },
    },
    recipients: owners.map((u) => ({ email: u.email, language: languageOf(u.language) })),
    now,
    domain: new URL(publicUrl).hostname,
  });
}
