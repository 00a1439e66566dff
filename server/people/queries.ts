/**
 * Reading a partner's people: the Users page (its SuperAdmins; Customer Success may reuse it for a
 * partner's page) and the "Users with access" of an account.
 */
import { and, asc, count, eq, max, type SQL, sql } from "drizzle-orm";
import type { AccountUser, ManagedUser, PartnerPeople } from "../../shared/api/people.ts";
import type { Actor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { accountAccess, accounts, securityEvents, users } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { pendingInvitations } from "../invitations/queries.ts";
import { accountInScope } from "./grant-access.ts";

/**
 * The partner's users, with the accounts each reaches (a SuperAdmin every account of the partner,
 * the others those granted to them) and the last successful sign-in the security log holds (its
 * partner index keeps that cheap).
 */
async function selectUsers(db: Database, partnerId: string, where?: SQL): Promise<ManagedUser[]> {
  const lastSignIns = db
    .select({ actorId: securityEvents.actorId, at: max(securityEvents.at).as("last_sign_in_at") })
    .from(securityEvents)
    .where(
      and(eq(securityEvents.partnerId, partnerId), eq(securityEvents.kind, "sign_in_succeeded")),
    )
    .groupBy(securityEvents.actorId)
    .as("last_sign_ins");
  const grants = db
    .select({ userId: accountAccess.userId, count: count().as("grant_count") })
    .from(accountAccess)
    .where(eq(accountAccess.partnerId, partnerId))
    .groupBy(accountAccess.userId)
    .as("grants");
  const [rows, [partnerAccounts]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        userType: users.userType,
        deactivatedAt: users.deactivatedAt,
        lastSignInAt: lastSignIns.at,
        grantCount: grants.count,
      })
      .from(users)
      .leftJoin(lastSignIns, eq(lastSignIns.actorId, users.id))
      .leftJoin(grants, eq(grants.userId, users.id))
      .where(and(eq(users.partnerId, partnerId), where))
      .orderBy(sql`${users.deactivatedAt} is not null`, sql`lower(${users.name})`, asc(users.id)),
    db.select({ value: count() }).from(accounts).where(eq(accounts.partnerId, partnerId)),
  ]);
  return rows.flatMap((row) =>
    // A partner's user always has a type (users_user_type_iff_partner_role).
    row.userType === null
      ? []
      : [
          {
            id: row.id,
            name: row.name,
            email: row.email,
            userType: row.userType,
            status: row.deactivatedAt ? ("deactivated" as const) : ("active" as const),
            deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
            lastSignInAt: row.lastSignInAt ? new Date(row.lastSignInAt).toISOString() : null,
            reachesAllAccounts: row.userType === "super_admin",
            accountCount:
              row.userType === "super_admin"
                ? (partnerAccounts?.value ?? 0)
                : (row.grantCount ?? 0),
          },
        ],
  );
}

/** A partner's users (active first, by name) and its pending invitations (oldest first). */
export async function listPartnerPeople(
  db: Database,
  partnerId: string,
  now: Date,
): Promise<PartnerPeople> {
  const [people, invited] = await Promise.all([
    selectUsers(db, partnerId),
    pendingInvitations(db, partnerId, now),
  ]);
  return { users: people, invitations: invited };
}

export async function findPartnerUser(
  db: Database,
  partnerId: string,
  userId: string,
): Promise<ManagedUser> {
  const [user] = await selectUsers(db, partnerId, eq(users.id, userId));
  if (!user) throw notFound("user");
  return user;
}

/** The account-level users granted the account, by name. */
export async function listAccountUsers(
  db: Database,
  actor: Actor,
  accountId: string,
): Promise<AccountUser[]> {
  const account = await accountInScope(db, actor, accountId);
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      userType: users.userType,
      deactivatedAt: users.deactivatedAt,
    })
    .from(accountAccess)
    .innerJoin(
      users,
      and(eq(users.partnerId, accountAccess.partnerId), eq(users.id, accountAccess.userId)),
    )
    .where(
      and(eq(accountAccess.partnerId, account.partnerId), eq(accountAccess.accountId, accountId)),
    )
    .orderBy(sql`lower(${users.name})`, asc(users.id));
  return rows.flatMap((row) =>
    row.userType === null
      ? []
      : [
          {
            id: row.id,
            name: row.name,
            email: row.email,
            userType: row.userType,
            status: row.deactivatedAt ? ("deactivated" as const) : ("active" as const),
          },
        ],
  );
}
