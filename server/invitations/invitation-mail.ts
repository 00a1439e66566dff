/** The invitation e-mail, queued with the transaction that creates or renews the link. */
import { and, eq } from "drizzle-orm";
import { INVITATION_VALID_DAYS } from "../../shared/domain/people.ts";
import type { Database } from "../db/client.ts";
import { accounts, type invitations, partners } from "../db/schema/index.ts";
import { queueMail } from "../mail/outbox.ts";

export async function queueInvitationMail(
  tx: Database,
  {
    invitation,
    inviterName,
    link,
    publicUrl,
    now,
  }: {
    invitation: typeof invitations.$inferSelect;
    inviterName: string | null;
    link: string;
    publicUrl: string;
    now: Date;
  },
): Promise<void> {
  const { partnerId, accountId } = invitation;
  const [partner] = partnerId
    ? await tx.select({ name: partners.name }).from(partners).where(eq(partners.id, partnerId))
    : [];
  const [account] =
    partnerId && accountId
      ? await tx
          .select({ name: accounts.name })
          .from(accounts)
          .where(and(eq(accounts.partnerId, partnerId), eq(accounts.id, accountId)))
      : [];
  await queueMail(tx, {
    letter: {
      topic: "invitation",
      partnerId,
      accountId: partnerId ? accountId : null,
      content: {
        topic: "invitation",
        inviteeName: invitation.name,
        inviterName,
        partnerName: partner?.name ?? null,
        userType: invitation.userType,
        accountName: account?.name ?? null,
        validDays: INVITATION_VALID_DAYS,
        acceptUrl: link,
      },
    },
    recipients: [{ email: invitation.email, language: invitation.language }],
    now,
    domain: new URL(publicUrl).hostname,
  });
}
