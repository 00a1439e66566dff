/**
 * The notices Wattfolio e-mails, each queued in the outbox inside the transaction of the event that
 * causes it: expiry reminders and account created / renewed (to the partner's SuperAdmins and the
 * account's billing contact), application filed (to Customer Success), decided (to the requester).
 */
import { and, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { daysLeft } from "../../shared/domain/accounts.ts";
import { dateIn } from "../../shared/domain/calendar.ts";
import {
  LANGUAGES,
  type Language,
  languageOf,
  languageOfCountry,
} from "../../shared/domain/languages.ts";
import type { ReminderStage } from "../../shared/domain/reminders.ts";
import { describeApplication } from "../../shared/i18n/describe-application.ts";
import { partnerAccounts } from "../access/scope.ts";
import { describingNames } from "../accounts/names.ts";
import type { CatalogueReader } from "../catalogue/queries.ts";
import type { Database } from "../db/client.ts";
import { accounts, applications, partners, users } from "../db/schema/index.ts";
import { translator } from "../i18n/translate.ts";
import { queueMail, type Recipient } from "../mail/outbox.ts";

/** What a notice about an account needs to know of it. */
interface AccountForNotice {
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

export interface Notices {
  reminder(
    tx: Database,
    account: AccountForNotice,
    stage: ReminderStage,
    now: Date,
  ): Promise<number>;
  /**
   * To Customer Success, to review it; or, when an auto-approval rule decided it on filing, the
   * notices of its decision.
   */
  applicationFiled(
    tx: Database,
    applicationId: string,
    now: Date,
    catalogue: CatalogueReader,
  ): Promise<number>;
  /**
   * To the SuperAdmin who filed it, with the reviewer's comment; and once approved, the notice of
   * the account it created or renewed.
   */
  applicationDecided(
    tx: Database,
    applicationId: string,
    now: Date,
    catalogue: CatalogueReader,
  ): Promise<number>;
  /** To the partner's active SuperAdmins: a usage threshold reached or SMS credits low. */
  usageAlert(tx: Database, alert: UsageAlert, now: Date): Promise<number>;
}

/** A usage threshold reached or SMS credits fallen low, as the usage events report it. */
export type UsageAlert = { accountId: string } & (
  | { kind: "datapoints"; threshold: number; used: number; contracted: number }
  | { kind: "sms_credits"; left: number; level: number }
);

const requester = alias(users, "requester");
const reviewer = alias(users, "reviewer");

/** An application with the names its notices show, and its one-line summary. */
async function applicationForNotice(
  tx: Database,
  applicationId: string,
  catalogue: CatalogueReader,
) {
  const [row] = await tx
    .select({
      application: applications,
      partnerName: partners.name,
      requester: { name: requester.name, email: requester.email, language: requester.language },
      reviewerName: reviewer.name,
    })
    .from(applications)
    .innerJoin(partners, eq(partners.id, applications.partnerId))
    .innerJoin(requester, eq(requester.id, applications.requestedBy))
    .leftJoin(reviewer, eq(reviewer.id, applications.decidedBy))
    .where(eq(applications.id, applicationId));
  if (!row) throw new Error(`no application ${applicationId} to give notice of`);
  const a = row.application;
  const { names } = await describingNames(tx, {
    scope: partnerAccounts(a.partnerId),
    catalogue,
    accountIds: [a.accountId, a.targetAccountId],
  });
  const summary = Object.fromEntries(
    LANGUAGES.map((l) => [l, describeApplication(a.kind, a.payload, names, translator(l))]),
  ) as Record<Language, string>;
  return { ...row, summary };
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

  async function applicationFiled(
    tx: Database,
    applicationId: string,
    now: Date,
    catalogue: CatalogueReader,
  ) {
    const {
      application: a,
      partnerName,
      requester,
      summary,
    } = await applicationForNotice(tx, applicationId, catalogue);
    if (a.status !== "pending") return applicationDecided(tx, applicationId, now, catalogue);
    const staff = await tx
      .select({ email: users.email, language: users.language })
      .from(users)
      .where(eq(users.role, "customer_success"))
      .orderBy(users.email);
    return queueMail(tx, {
      letter: {
        topic: "application_filed",
        partnerId: a.partnerId,
        accountId: a.accountId,
        content: {
          topic: "application_filed",
          partnerName,
          requesterName: requester.name,
          summary,
          comment: a.comment,
          reviewUrl: `${publicUrl}/review/${a.id}`,
        },
      },
      recipients: staff.map((u) => ({ email: u.email, language: languageOf(u.language) })),
      now,
      domain,
    });
  }

  async function applicationDecided(
    tx: Database,
    applicationId: string,
    now: Date,
    catalogue: CatalogueReader,
  ) {
    const {
      application: a,
      requester,
      reviewerName,
      summary,
    } = await applicationForNotice(tx, applicationId, catalogue);
    if (a.status !== "approved" && a.status !== "rejected") return 0;
    let queued = await queueMail(tx, {
      letter: {
        topic: "application_decided",
        partnerId: a.partnerId,
        accountId: a.accountId,
        content: {
          topic: "application_decided",
          decision: a.status,
          summary,
          reviewerName: a.decidedAutomatically ? null : (reviewerName ?? null),
          comment: a.decidedAutomatically ? "" : (a.decisionComment ?? ""),
          applicationsUrl: `${publicUrl}/account-management`,
        },
      },
      recipients: [{ email: requester.email, language: languageOf(requester.language) }],
      now,
      domain,
    });
    if (a.status === "approved" && a.accountId) {
      if (a.kind === "new_account") {
        queued += await accountNotice(tx, a.accountId, "account_created", now);
      }
      if (a.kind === "renew_subscription") {
        queued += await accountNotice(tx, a.accountId, "account_renewed", now);
      }
    }
    return queued;
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

    applicationFiled,
    applicationDecided,

    usageAlert: async (tx, alert, now) => {
      const [account] = await tx
        .select({
          partnerId: accounts.partnerId,
          name: accounts.name,
          customerName: accounts.customerName,
        })
        .from(accounts)
        .where(eq(accounts.id, alert.accountId));
      if (!account) return 0;
      // Only the people who can grow the contract: the billing contact is not asked to act.
      const superAdmins = await tx
        .select({ email: users.email, language: users.language })
        .from(users)
        .where(
          and(
            eq(users.partnerId, account.partnerId),
            eq(users.isSuperAdmin, true),
            isNull(users.deactivatedAt),
          ),
        )
        .orderBy(users.email);
      const topic = alert.kind === "datapoints" ? "usage_threshold_reached" : "sms_credits_low";
      return queueMail(tx, {
        letter: {
          topic,
          partnerId: account.partnerId,
          accountId: alert.accountId,
          content: {
            topic: "usage_alert",
            accountName: account.name,
            customerName: account.customerName,
            alert,
            accountUrl: `${publicUrl}/accounts/${alert.accountId}`,
          },
        },
        recipients: superAdmins.map((u) => ({ email: u.email, language: languageOf(u.language) })),
        now,
        domain,
      });
    },
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
  const recipients = superAdmins.map((u) => ({ email: u.email, language: languageOf(u.language) }));
  if (account.billingContactEmail) {
    recipients.push({
      email: account.billingContactEmail,
      language: languageOfCountry(account.country),
    });
  }
  return recipients;
}
