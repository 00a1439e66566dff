/**
 * Before a change that could leave a partner without a SuperAdmin, the change's transaction locks
 * the user and the partner's active SuperAdmins in one statement, in id order: two concurrent
 * demotions then run one after the other (the second sees the first's result), and cannot
 * deadlock by taking the same locks in different orders.
 */
import { and, asc, eq, isNull, or } from "drizzle-orm";
import type { UserType } from "../../shared/domain/people.ts";
import type { Actor } from "../access/actor.ts";
import { partnerUserScope } from "../access/scope.ts";
import type { Database } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";

const columns = {
  id: users.id,
  email: users.email,
  partnerId: users.partnerId,
  userType: users.userType,
  deactivatedAt: users.deactivatedAt,
};

export async function lockForChange(
  tx: Database,
  actor: Actor,
  userId: string,
): Promise<{
  target: {
    id: string;
    email: string;
    partnerId: string;
    userType: UserType;
    deactivatedAt: Date | null;
  };
  activeSuperAdminIds: string[];
}> {
  const [found] = await tx
    .select({ partnerId: users.partnerId })
    .from(users)
    .where(and(eq(users.id, userId), partnerUserScope(actor)));
  const partnerId = found?.partnerId;
  if (!partnerId) throw notFound("user");
  const locked = await tx
    .select(columns)
    .from(users)
    .where(
      and(
        eq(users.partnerId, partnerId),
        or(
          eq(users.id, userId),
          and(eq(users.userType, "super_admin"), isNull(users.deactivatedAt)),
        ),
      ),
    )
    .orderBy(asc(users.id))
    .for("update");
  const target = locked.find((user) => user.id === userId);
  // A partner's user always has a type (users_user_type_iff_partner_role).
  if (!target?.userType) throw notFound("user");
  return {
    target: { ...target, partnerId, userType: target.userType },
    activeSuperAdminIds: locked
      .filter((user) => user.userType === "super_admin" && user.deactivatedAt === null)
      .map((user) => user.id),
  };
}
