/**
 * Inviting someone: a partner's user of a type (optionally with access to one account) or a
 * Customer Success colleague. The invitation, its security event and its e-mail are one
 * transaction; the link is single-use and expires (shared/domain/people.ts). An address that
 * already has a user or an open invitation, of any partner, is refused without saying whose.
 */
import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { Clock } from "../../shared/domain/clock.ts";
import type { Language } from "../../shared/domain/languages.ts";
import {
  type Invitee,
  invitationExpiry,
  mayInvite,
  type UserType,
} from "../../shared/domain/people.ts";
import type { Actor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import { violatedUniqueConstraint } from "../db/errors.ts";
import { accounts, invitations, partners, users } from "../db/schema/index.ts";
import { notFound, Problem } from "../errors.ts";
import { recordSecurityEvent } from "../security-log/record.ts";
import { queueInvitationMail } from "./invitation-mail.ts";
import { invitationLink, newInvitationToken } from "./tokens.ts";

export type Invitation = typeof invitations.$inferSelect;

export interface InviteUserInput {
  db: Database;
  clock: Clock;
  publicUrl: string;
  /** Who invites; null for the operator at the command line. */
  invitedBy: Actor | null;
  /** A partner's user has both; a Customer Success colleague neither. */
  partnerId: string | null;
  userType: UserType | null;
  /** An account-level user starts with access to this account of the partner. */
  accountId?: string | null;
  email: string;
  name: string;
  /** The e-mail's language; the partner's default (English for staff) unless given. */
  language?: Language;
  /** The request's client address, for the security log. */
  address?: string | null;
}

export const emailInUse = () =>
  new Problem(
    "EMAIL_ALREADY_IN_USE",
    "This e-mail address already has a Wattfolio user or an open invitation.",
    { errors: [{ field: "email", message: "Already has a user or an open invitation" }] },
  );

/**
 * Returns the link (for the e-mail and the command line) and its token, which only a caller that
 * accepts at once needs (the demo seed); only the token's hash is stored.
 */
export async function inviteUser(
  input: InviteUserInput,
): Promise<{ invitation: Invitation; link: string; token: string }> {
  const { db, clock, invitedBy, partnerId, userType } = input;
  const invitee = inviteeOf(partnerId, userType);
  if (!mayInvite(invitedBy, invitee)) {
    throw new Problem("FORBIDDEN", "Only SuperAdmins invite their partner's users.");
  }
  const accountId = input.accountId ?? null;
  if (accountId !== null && (userType === null || userType === "super_admin")) {
    throw new Problem("VALIDATION_FAILED", "SuperAdmins and staff reach accounts without access.", {
      errors: [{ field: "accountId", message: "Only for account-level types" }],
    });
  }
  const email = input.email.trim().toLowerCase();
  const now = clock.now();
  const { token, tokenHash } = newInvitationToken();
  const link = invitationLink(input.publicUrl, token);
  try {
    const invitation = await db.transaction(async (tx) => {
      // Looked up even when a language is given: it is also the check that the partner exists.
      const partnerLanguage = await defaultLanguage(tx, partnerId);
      const language = input.language ?? partnerLanguage;
      if (partnerId !== null && accountId !== null) {
        const [account] = await tx
          .select({ id: accounts.id })
          .from(accounts)
          .where(and(eq(accounts.partnerId, partnerId), eq(accounts.id, accountId)));
        if (!account) throw notFound("account");
      }
      await retireExpiredInvitations(tx, email, now);
      await refuseAddressInUse(tx, email, now);
      const [created] = await tx
        .insert(invitations)
        .values({
          tokenHash,
          email,
          name: input.name,
          language,
          partnerId,
          userType,
          accountId,
          invitedBy: invitedBy?.userId ?? null,
          expiresAt: invitationExpiry(clock),
          sentAt: now,
        })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await recordSecurityEvent(tx, {
        kind: "invitation_sent",
        at: now,
        actor: invitedBy,
        partnerId,
        subject: email,
        address: input.address ?? null,
        detail: { userType, accountId },
      });
      await queueInvitationMail(tx, {
        invitation: created,
        inviterName: invitedBy?.name ?? null,
        link,
        publicUrl: input.publicUrl,
        now,
      });
      return created;
    });
    return { invitation, link, token };
  } catch (error) {
    // Two invitations to one address at once: the partial unique index lets one through.
    if (violatedUniqueConstraint(error) === "invitations_one_open_per_email") throw emailInUse();
    throw error;
  }
}

function inviteeOf(partnerId: string | null, userType: UserType | null): Invitee {
  if (partnerId !== null && userType !== null) return { partnerId, userType };
  if (partnerId === null && userType === null) return { partnerId, userType };
  throw new Problem("VALIDATION_FAILED", "A partner's user needs a type; staff have none.", {
    errors: [{ field: "userType", message: "Give a type with the partner, or neither" }],
  });
}

async function defaultLanguage(tx: Database, partnerId: string | null): Promise<Language> {
  if (partnerId === null) return "en";
  const [partner] = await tx
    .select({ language: partners.defaultLanguage })
    .from(partners)
    .where(eq(partners.id, partnerId));
  if (!partner) throw notFound("partner");
  return partner.language === "es" ? "es" : "en";
}

/**
 * An expired invitation still holds its address (the one-open-invitation index counts it); a new
 * invitation retires it, so a forgotten link never blocks the address. The retirement is recorded
 * without who invited now nor from where: the expired invitation may be another partner's, whose
 * log must learn nothing of this one.
 */
async function retireExpiredInvitations(tx: Database, email: string, now: Date): Promise<void> {
  const retired = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(sameAddress(email), open(), lte(invitations.expiresAt, now)))
    .returning({ partnerId: invitations.partnerId });
  for (const invitation of retired) {
    await recordSecurityEvent(tx, {
      kind: "invitation_revoked",
      at: now,
      actor: null,
      partnerId: invitation.partnerId,
      subject: email,
      address: null,
      detail: { reason: "expired, replaced by a new invitation" },
    });
  }
}

async function refuseAddressInUse(tx: Database, email: string, now: Date): Promise<void> {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  const [pending] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(sameAddress(email), open(), gt(invitations.expiresAt, now)));
  if (user || pending) throw emailInUse();
}

const sameAddress = (email: string) => eq(sql`lower(${invitations.email})`, email);

/** Neither accepted nor revoked (it may have expired). */
export const open = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
