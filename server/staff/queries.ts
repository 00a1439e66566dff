/** Reading the Customer Success team: its members and the colleagues invited but not yet joined. */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Staff, StaffInvitation, StaffMember } from "../../shared/api/staff.ts";
import type { Database } from "../db/client.ts";
import { invitations, users } from "../db/schema/index.ts";
import { open } from "../invitations/invite-user.ts";

export async function listStaff(db: Database, now: Date): Promise<Staff> {
  const [members, invitations] = await Promise.all([
    db
      .select(memberColumns)
      .from(users)
      .where(eq(users.role, "customer_success"))
      .orderBy(sql`${users.deactivatedAt} is not null`, sql`lower(${users.name})`, asc(users.id)),
    staffInvitations(db, now),
  ]);
  return { members: members.map(toMember), invitations };
}

export async function findStaffMember(db: Database, id: string): Promise<StaffMember | null> {
  const [row] = await db
    .select(memberColumns)
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, "customer_success")));
  return row ? toMember(row) : null;
}

const memberColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  deactivatedAt: users.deactivatedAt,
  createdAt: users.createdAt,
};

function toMember(row: {
  id: string;
  name: string;
  email: string;
  deactivatedAt: Date | null;
  createdAt: Date;
}): StaffMember {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    status: row.deactivatedAt ? "deactivated" : "active",
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

const inviter = alias(users, "inviter");

/** Invitations to join the staff, neither accepted nor revoked (expired ones too), oldest first. */
export async function staffInvitations(db: Database, now: Date): Promise<StaffInvitation[]> {
  const rows = await db
    .select({
      id: invitations.id,
      name: invitations.name,
      email: invitations.email,
      inviterId: invitations.invitedBy,
      inviterName: inviter.name,
      sentAt: invitations.sentAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .where(and(isNull(invitations.partnerId), open()))
    .orderBy(asc(invitations.sentAt), asc(invitations.id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    invitedBy:
      row.inviterId && row.inviterName ? { id: row.inviterId, name: row.inviterName } : null,
    sentAt: row.sentAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    expired: row.expiresAt.getTime() <= now.getTime(),
  }));
}
