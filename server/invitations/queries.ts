/** Reading invitations: the link as its recipient sees it, and a partner's pending invitations. */
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { InvitationView } from "../../shared/api/invitations.ts";
import type { PendingInvitation } from "../../shared/api/people.ts";
import type { Database } from "../db/client.ts";
import { accounts, invitations, partners, users } from "../db/schema/index.ts";
import { refuseUnbacked, usableInvitation } from "./accept-invitation.ts";
import { open } from "./invite-user.ts";
import { hashInvitationToken } from "./tokens.ts";

const inviter = alias(users, "inviter");

/** What the link invites to; a used, revoked or unknown link is 404, an expired one 410. */
export async function viewInvitation(
  db: Database,
  token: string,
  now: Date,
): Promise<InvitationView> {
  const [row] = await db
    .select({
      invitation: invitations,
      partnerName: partners.name,
      accountName: accounts.name,
      inviterName: inviter.name,
    })
    .from(invitations)
    .leftJoin(partners, eq(partners.id, invitations.partnerId))
    .leftJoin(
      accounts,
      and(eq(accounts.partnerId, invitations.partnerId), eq(accounts.id, invitations.accountId)),
    )
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  const invitation = usableInvitation(row?.invitation, now);
  await refuseUnbacked(db, invitation);
  return {
    name: invitation.name,
    email: invitation.email,
    partner: row?.partnerName ? { name: row.partnerName } : null,
    userType: invitation.userType,
    account: row?.accountName ? { name: row.accountName } : null,
    invitedBy: row?.inviterName ?? null,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/** A partner's invitations that were neither accepted nor revoked, expired ones included. */
export async function pendingInvitations(
  db: Database,
  partnerId: string,
  now: Date,
): Promise<PendingInvitation[]> {
  const rows = await db
    .select({
      id: invitations.id,
      name: invitations.name,
      email: invitations.email,
      userType: invitations.userType,
      accountId: invitations.accountId,
      accountName: accounts.name,
      inviterId: invitations.invitedBy,
      inviterName: inviter.name,
      sentAt: invitations.sentAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(
      accounts,
      and(eq(accounts.partnerId, invitations.partnerId), eq(accounts.id, invitations.accountId)),
    )
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .where(and(eq(invitations.partnerId, partnerId), open()))
    .orderBy(asc(invitations.sentAt), asc(invitations.id));
  return rows.flatMap((row) =>
    // A partner's invitation always has a type (invitations_partner_iff_user_type).
    row.userType === null
      ? []
      : [
          {
            id: row.id,
            name: row.name,
            email: row.email,
            userType: row.userType,
            account:
              row.accountId && row.accountName
                ? { id: row.accountId, name: row.accountName }
                : null,
            invitedBy:
              row.inviterId && row.inviterName
                ? { id: row.inviterId, name: row.inviterName }
                : null,
            sentAt: row.sentAt.toISOString(),
            expiresAt: row.expiresAt.toISOString(),
            expired: row.expiresAt.getTime() <= now.getTime(),
          },
        ],
  );
}
