/** Taking an account away from a user: from its next request on, the account is not found for it. */
import { and, eq } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { accountAccess, users } from "../db/schema/index.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { accountInScope } from "./grant-access.ts";

/** Revoking access the user does not have changes nothing. */
export async function revokeAccess({
  db,
  actor,
  accountId,
  userId,
  now,
  address,
}: {
  db: Database;
  actor: Actor;
  accountId: string;
  userId: string;
  now: Date;
  address: string | null;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const account = await accountInScope(tx, actor, accountId);
    const revoked = await tx
      .delete(accountAccess)
      .where(
        and(
          eq(accountAccess.partnerId, account.partnerId),
          eq(accountAccess.accountId, accountId),
          eq(accountAccess.userId, userId),
        ),
      )
      .returning({ userId: accountAccess.userId });
    if (revoked.length === 0) return;
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    await recordSecurityEvent(tx, {
      kind: "access_revoked",
      at: now,
      actor,
      partnerId: account.partnerId,
      subject: user?.email ?? null,
      address,
      detail: { account: { id: account.id, name: account.name } },
    });
  });
}
