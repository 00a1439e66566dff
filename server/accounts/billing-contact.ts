/** The billing contact of an account: set by the partner's SuperAdmins, no approval needed. */
import { and, eq } from "drizzle-orm";
import type { PartnerUserActor } from "../access/actor.ts";
import { accountScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { accounts } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";

export async function setBillingContact({
  db,
  actor,
  accountId,
  email,
}: {
  db: Database;
  actor: PartnerUserActor;
  accountId: string;
  email: string | null;
}): Promise<void> {
  const [updated] = await db
    .update(accounts)
    .set({ billingContactEmail: email?.toLowerCase() ?? null })
    .where(and(eq(accounts.id, accountId), accountScope(actor)))
    .returning({ id: accounts.id });
  if (!updated) throw notFound("account");
}
