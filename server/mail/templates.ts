/**
 * The e-mails Wattfolio sends, in English and Spanish, each as HTML and plain text. Everything that
 * comes from users (names, comments) is escaped in the HTML; links are absolute, built on PUBLIC_URL.
 */
import escapeHtml from "escape-html";
import type { CalendarDate } from "../../shared/domain/calendar.ts";
import type { Language } from "../../shared/domain/languages.ts";
import type { UserType } from "../../shared/domain/people.ts";
import { formatCalendarDate, translator } from "../i18n/translate.ts";

interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export type MailContent =
  | UsageAlertContent
  | {
      topic: "reminder";
      accountName: string;
      customerName: string;
      endsOn: CalendarDate;
      /** Days until the end date as of sending: 0 on the day (it may be fewer than the stage's). */
      daysLeft: number;
      renewUrl: string;
    }
  | {
      topic: "account_created" | "account_renewed";
      accountName: string;
      customerName: string;
      startsOn: CalendarDate;
      endsOn: CalendarDate;
      accountUrl: string;
    }
  | {
      topic: "application_filed";
      partnerName: string;
      requesterName: string;
      /** What the application asks for, in each language a recipient may read. */
      summary: Record<Language, string>;
      comment: string;
      reviewUrl: string;
    }
  | {
      topic: "application_decided";
      decision: "approved" | "rejected";
      summary: Record<Language, string>;
      /** Null when an auto-approval rule decided. */
      reviewerName: string | null;
      comment: string;
      applicationsUrl: string;
    }
  | {
      topic: "password_reset";
      name: string;
      resetUrl: string;
      validMinutes: number;
    }
  | {
      topic: "invitation";
      inviteeName: string;
      /** Null when the operator invited from the command line. */
      inviterName: string | null;
      /** Null for an invitation to join Customer Success. */
      partnerName: string | null;
      userType: UserType | null;
      accountName: string | null;
      validDays: number;
      acceptUrl: string;
    }
  | {
      topic: "webhook_endpoint_disabled";
      url: string;
      /** Deliveries failed for good in a row. */
      failures: number;
      webhooksUrl: string;
    };

/** A usage threshold reached or SMS credits fallen low, for the account's SuperAdmins. */
type UsageAlertContent = {
  topic: "usage_alert";
  accountName: string;
  customerName: string;
  alert:
    | { kind: "datapoints"; threshold: number; used: number; contracted: number }
    | { kind: "sms_credits"; left: number; level: number };
  accountUrl: string;
};

/** A paragraph is text (escaped in HTML) or a quoted comment; the button is the one link to act on. */
type Block = { text: string } | { quote: string };

interface Letter {
  subject: string;
  greeting: string;
  blocks: Block[];
  action: { label: string; url: string };
  signature: string;
}

type Body = Omit<Letter, "greeting" | "signature">;

function reminderLetter(
  content: Extract<MailContent, { topic: "reminder" }>,
  language: Language,
): Body {
  const t = translator(language);
  const values = {
    account: content.accountName,
    customer: content.customerName,
    days: content.daysLeft,
    date: formatCalendarDate(content.endsOn, language),
  };
  const today = content.daysLeft <= 0;
  return {
    subject: t(today ? "mail.reminder.subjectToday" : "mail.reminder.subject", values),
    blocks: [
      { text: t(today ? "mail.reminder.bodyToday" : "mail.reminder.body", values) },
      { text: t("mail.reminder.howToRenew") },
    ],
    action: { label: t("mail.reminder.action"), url: content.renewUrl },
  };
}

function letterOf(content: MailContent, language: Language): Body {
  const t = translator(language);
  const date = (day: CalendarDate) => formatCalendarDate(day, language);
  switch (content.topic) {
    case "reminder":
      return reminderLetter(content, language);
    case "account_created": {
      const values = {
        account: content.accountName,
        customer: content.customerName,
        from: date(content.startsOn),
        until: date(content.endsOn),
      };
      return {
        subject: t("mail.accountCreated.subject", values),
        blocks: [
          { text: t("mail.accountCreated.body", values) },
          { text: t("mail.accountCreated.period", values) },
        ],
        action: { label: t("mail.account.action"), url: content.accountUrl },
      };
    }
    case "account_renewed": {
      const values = {
        account: content.accountName,
        customer: content.customerName,
        until: date(content.endsOn),
      };
      return {
        subject: t("mail.accountRenewed.subject", values),
        blocks: [{ text: t("mail.accountRenewed.body", values) }],
        action: { label: t("mail.account.action"), url: content.accountUrl },
      };
    }
    case "application_filed": {
      const values = {
        partner: content.partnerName,
        requester: content.requesterName,
        summary: content.summary[language],
      };
      return {
        subject: t("mail.applicationFiled.subject", values),
        blocks: [
          { text: t("mail.applicationFiled.body", values) },
          ...(content.comment ? [{ quote: content.comment }] : []),
        ],
        action: { label: t("mail.applicationFiled.action"), url: content.reviewUrl },
      };
    }
    case "application_decided": {
      const { reviewerName: reviewer, comment } = content;
      const values = {
        decision: content.decision,
        summary: content.summary[language],
        reviewer: reviewer ?? "",
      };
      return {
        subject: t("mail.applicationDecided.subject", values),
        blocks: [
          {
            text: t(
              reviewer ? "mail.applicationDecided.byReviewer" : "mail.applicationDecided.byRule",
              values,
            ),
          },
          ...(comment
            ? [{ text: t("mail.applicationDecided.theirComment") }, { quote: comment }]
            : []),
        ],
        action: { label: t("mail.applicationDecided.action"), url: content.applicationsUrl },
      };
    }
    case "password_reset":
      return {
        subject: t("mail.passwordReset.subject"),
        blocks: [
          {
            text: t("mail.passwordReset.body", {
              name: content.name,
              minutes: content.validMinutes,
            }),
          },
          { text: t("mail.passwordReset.notYou") },
        ],
        action: { label: t("mail.passwordReset.action"), url: content.resetUrl },
      };
    case "invitation":
      return invitationLetter(content, language);
    case "usage_alert":
      return usageAlertLetter(content, language);
    case "webhook_endpoint_disabled": {
      const values = { url: content.url, failures: content.failures };
      return {
        subject: t("mail.webhookDisabled.subject", values),
        blocks: [
          { text: t("mail.webhookDisabled.body", values) },
          { text: t("mail.webhookDisabled.howToFix") },
        ],
        action: { label: t("mail.webhookDisabled.action"), url: content.webhooksUrl },
      };
    }
  }
}

function usageAlertLetter(content: UsageAlertContent, language: Language): Body {
  const t = translator(language);
  const { alert } = content;
  const action = { label: t("mail.account.action"), url: content.accountUrl };
  if (alert.kind === "sms_credits") {
    const values = { account: content.accountName, customer: content.customerName, ...alert };
    return {
      subject: t("mail.smsCreditsLow.subject", values),
      blocks: [
        { text: t("mail.smsCreditsLow.body", values) },
        { text: t("mail.smsCreditsLow.howToBuy") },
      ],
      action,
    };
  }
  const values = {
    account: content.accountName,
    customer: content.customerName,
    threshold: alert.threshold / 100,
    used: alert.used,
    contracted: alert.contracted,
  };
  const full = alert.used >= alert.contracted;
  return {
    subject: t(full ? "mail.usageThreshold.subjectFull" : "mail.usageThreshold.subject", values),
    blocks: [
      { text: t(full ? "mail.usageThreshold.bodyFull" : "mail.usageThreshold.body", values) },
      { text: t("mail.usageThreshold.howToGrow") },
    ],
    action,
  };
}

function invitationLetter(
  content: Extract<MailContent, { topic: "invitation" }>,
  language: Language,
): Body {
  const t = translator(language);
  const { partnerName: partner, userType, accountName: account } = content;
  const values = {
    invitee: content.inviteeName,
    inviter: content.inviterName ?? t("mail.invitation.byOperator"),
    partner: partner ?? "",
    userType: userType ? t(`userType.${userType}`) : "",
    account: account ?? "",
    days: content.validDays,
  };
  const invites = !partner
    ? "mail.invitation.toStaff"
    : userType
      ? "mail.invitation.toPartnerAs"
      : "mail.invitation.toPartner";
  return {
    subject: t(partner ? "mail.invitation.subjectPartner" : "mail.invitation.subjectStaff", values),
    blocks: [
      { text: t(invites, values) },
      ...(account ? [{ text: t("mail.invitation.account", values) }] : []),
      { text: t("mail.invitation.validity", values) },
    ],
    action: { label: t("mail.invitation.action"), url: content.acceptUrl },
  };
}

export function renderMail(content: MailContent, language: Language): RenderedMail {
  const letter: Letter = {
    ...letterOf(content, language),
    greeting: translator(language)("mail.greeting"),
    signature: translator(language)("mail.signature"),
  };
  return { subject: letter.subject, html: toHtml(letter, language), text: toText(letter) };
}

function toText(letter: Letter): string {
  const blocks = letter.blocks.map((block) =>
    "quote" in block
      ? block.quote
          .split("\n")
          .map((line) => `> ${line}`)
          .join("\n")
      : block.text,
  );
  return [
    letter.greeting,
    ...blocks,
    `${letter.action.label}: ${letter.action.url}`,
    `-- \n${letter.signature}`,
  ].join("\n\n");
}

function toHtml(letter: Letter, language: Language): string {
  const paragraph = (block: Block) =>
    "quote" in block
      ? `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #d0d7de;color:#444;white-space:pre-line">${escapeHtml(block.quote)}</blockquote>`
      : `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
  const url = escapeHtml(letter.action.url);
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(letter.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2328">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px 32px">
<p style="margin:0 0 24px;font-size:18px;font-weight:bold;color:#0b7a3b">Wattfolio</p>
<p style="margin:0 0 16px">${escapeHtml(letter.greeting)}</p>
${letter.blocks.map(paragraph).join("\n")}
<p style="margin:24px 0"><a href="${url}" style="display:inline-block;padding:10px 18px;background:#0b7a3b;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(letter.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#57606a">${escapeHtml(letter.action.url)}</p>
<p style="margin:24px 0 0">${escapeHtml(letter.signature)}</p>
</div>
</body>
</html>
`;
}
