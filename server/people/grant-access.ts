/**
 * "Users with access": granting an account-level user one of the partner's accounts. SuperAdmins
 * reach every account already. Granting twice changes nothing and records nothing.
 */
import { and, eq } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import { accountScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { accountAccess, accounts, users } from "../db/schema/index.ts";
import { notFound, Problem } from "../errors.ts";
import { recordSecurityEvent } from "../security-log/record.ts";

/** The account, if the actor may manage who reaches it. */
export async function accountInScope(
  db: Database,
  actor: Actor,
  accountId: string,
): Promise<{ id: string; partnerId: string; name: string }> {
  const [account] = await db
    .select({ id: accounts.id, partnerId: accounts.partnerId, name: accounts.name })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), accountScope(actor)));
  if (!account) throw notFound("account");
  return account;
}

export async function grantAccess({
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
    const [user] = await tx
      .select({ email: users.email, userType: users.userType })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.partnerId, account.partnerId)));
    if (!user) throw notFound("user");
    if (user.userType === "super_admin") {
      throw new Problem("VALIDATION_FAILED", "SuperAdmins reach every account already.", {
        errors: [{ field: "userId", message: "Choose a user with an account-level type" }],
      });
    }
    const granted = await tx
      .insert(accountAccess)
      .values({ partnerId: account.partnerId, accountId, userId })
      .onConflictDoNothing()
      .returning({ userId: accountAccess.userId });
    if (granted.length === 0) return;
    await recordSecurityEvent(tx, {
      kind: "access_granted",
      at: now,
      actor,
      partnerId: account.partnerId,
      subject: user.email,
      address,
      detail: { account: { id: account.id, name: account.name } },
    });
  });
}
