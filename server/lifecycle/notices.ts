/**
 * The notices Wattfolio e-mails, each queued in the outbox inside the transaction of the event that
 * causes it: expiry reminders and account created / renewed (to the partner's SuperAdmins and the
 * account's billing contact), application filed (to Customer Success), decided (to the requester).
 */
import { and, eq } from "drizzle-orm";
import { daysLeft } from "../../shared/domain/accounts.ts";
import { dateIn } from "../../shared/domain/calendar.ts";
import { type Language, languageOfCountry } from "../../shared/domain/languages.ts";
import type { ReminderStage } from "../../shared/domain/reminders.ts";
import type { Database } from "../db/client.ts";
import { accounts, partners, users } from "../db/schema.ts";
import { queueMail, type Recipient } from "../mail/outbox.ts";

/** What a notice about an account needs to know of it. */
export interface AccountForNotice {
  id: string;
  partnerId: string;
  name: string;
  customerName: string;
  country: string;
  startsOn: string;
  endsOn: string;
  billingContactEmail: string | null;
  timeZone: string;
}

export const accountForNoticeColumns = {
  id: accounts.id,
  partnerId: accounts.partnerId,
  name: accounts.name,
  customerName: accounts.customerName,
  country: accounts.country,
  startsOn: accounts.startsOn,
  endsOn: accounts.endsOn,
  billingContactEmail: accounts.billingContactEmail,
  timeZone: partners.timeZone,
};

const language = (value: string): Language => (value === "es" ? "es" : "en");

export interface Notices {
  reminder(
    tx: Database,
    account: AccountForNotice,
    stage: ReminderStage,
    now: Date,
  ): Promise<number>;
  accountCreated(tx: Database, accountId: string, now: Date): Promise<number>;
  accountRenewed(tx: Database, accountId: string, now: Date): Promise<number>;
}

/** Notices whose links lead to the web app at `publicUrl`. */
export function createNotices(publicUrl: string): Notices {
  const domain = new URL(publicUrl).hostname;

  async function accountNotice(
    tx: Database,
    accountId: string,
    topic: "account_created" | "account_renewed",
    now: Date,
  ): Promise<number> {
    const [account] = await tx
      .select(accountForNoticeColumns)
      .from(accounts)
      .innerJoin(partners, eq(partners.id, accounts.partnerId))
      .where(eq(accounts.id, accountId));
    if (!account) throw new Error(`no account ${accountId} to give notice of`);
    return queueMail(tx, {
      letter: {
        topic,
        partnerId: account.partnerId,
        accountId: account.id,
        content: {
          topic,
          accountName: account.name,
          customerName: account.customerName,
          startsOn: account.startsOn,
          endsOn: account.endsOn,
          accountUrl: `${publicUrl}/accounts/${account.id}`,
        },
      },
      recipients: await accountRecipients(tx, account),
      now,
      domain,
    });
  }

  return {
    reminder: async (tx, account, stage, now) =>
      queueMail(tx, {
        letter: {
          topic: `reminder_${stage}`,
          partnerId: account.partnerId,
          accountId: account.id,
          content: {
            topic: "reminder",
            accountName: account.name,
            customerName: account.customerName,
            endsOn: account.endsOn,
            daysLeft: daysLeft(account.endsOn, dateIn(account.timeZone, now)),
            renewUrl: `${publicUrl}/account-management`,
          },
        },
        recipients: await accountRecipients(tx, account),
        now,
        domain,
      }),
    accountCreated: (tx, accountId, now) => accountNotice(tx, accountId, "account_created", now),
    accountRenewed: (tx, accountId, now) => accountNotice(tx, accountId, "account_renewed", now),
  };
}

/** The partner's SuperAdmins, each in their language, and the account's billing contact if any. */
async function accountRecipients(
  tx: Database,
  account: Pick<AccountForNotice, "partnerId" | "country" | "billingContactEmail">,
): Promise<Recipient[]> {
  const superAdmins = await tx
    .select({ email: users.email, language: users.language })
    .from(users)
    .where(and(eq(users.partnerId, account.partnerId), eq(users.isSuperAdmin, true)))
    .orderBy(users.email);
  const recipients = superAdmins.map((u) => ({ email: u.email, language: language(u.language) }));
  if (account.billingContactEmail) {
    recipients.push({
      email: account.billingContactEmail,
      language: languageOfCountry(account.country),
    });
  }
  return recipients;
}
