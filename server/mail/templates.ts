/**
 * The e-mails Wattfolio sends, in English and Spanish, each as HTML and plain text. Everything that
 * comes from users (names, comments) is escaped in the HTML; links are absolute, built on PUBLIC_URL.
 */
import escapeHtml from "escape-html";
import type { CalendarDate } from "../../shared/domain/calendar.ts";
import type { Language } from "../../shared/domain/languages.ts";

interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export type MailContent =
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
      summary: string;
      comment: string;
      reviewUrl: string;
    }
  | {
      topic: "application_decided";
      decision: "approved" | "rejected";
      summary: string;
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
      userTypeLabel: string | null;
      accountName: string | null;
      validDays: number;
      acceptUrl: string;
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

/** `1 December 2026` / `1 de diciembre de 2026`: calendar dates are read as they are, in no time zone. */
export function formatDate(date: CalendarDate, language: Language): string {
  return new Intl.DateTimeFormat(language === "es" ? "es-ES" : "en-GB", {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(new Date(`${date}T00:00:00Z`));
}

const SIGNATURE: Record<Language, string> = {
  en: "The Wattfolio team",
  es: "El equipo de Wattfolio",
};

const GREETING: Record<Language, string> = { en: "Hello,", es: "Hola:" };

function reminderLetter(content: Extract<MailContent, { topic: "reminder" }>, lang: Language) {
  const { accountName: name, customerName: customer, daysLeft } = content;
  const date = formatDate(content.endsOn, lang);
  const today = daysLeft <= 0;
  if (lang === "es") {
    const days = daysLeft === 1 ? "1 día" : `${daysLeft} días`;
    return {
      subject: today
        ? `Tu cuenta ${name} caduca hoy`
        : `Tu cuenta ${name} caduca en ${days} (${date})`,
      blocks: [
        {
          text: today
            ? `La cuenta ${name} de ${customer} caduca hoy, ${date}. Desde hoy la plataforma la mantiene en modo de solo lectura: no admite nuevos puntos de datos ni envía SMS.`
            : `La cuenta ${name} de ${customer} caduca dentro de ${days}, el ${date}.`,
        },
        {
          text: "Para seguir usándola, renuévala por un año más desde Gestión de cuentas: elige «Renovar suscripción» en el menú de la cuenta.",
        },
      ],
      action: { label: "Renovar la cuenta", url: content.renewUrl },
    };
  }
  const days = daysLeft === 1 ? "1 day" : `${daysLeft} days`;
  return {
    subject: today
      ? `Your account ${name} expires today`
      : `Your account ${name} expires in ${days} (${date})`,
    blocks: [
      {
        text: today
          ? `The account ${name} of ${customer} expires today, ${date}. From today the platform keeps it read-only: no new datapoints and no SMS.`
          : `The account ${name} of ${customer} expires in ${days}, on ${date}.`,
      },
      {
        text: 'To keep using it, renew it for one more year from Account management: choose "Renew subscription" in the account\'s menu.',
      },
    ],
    action: { label: "Renew the account", url: content.renewUrl },
  };
}

function letterOf(content: MailContent, lang: Language): Omit<Letter, "greeting" | "signature"> {
  const es = lang === "es";
  switch (content.topic) {
    case "reminder":
      return reminderLetter(content, lang);
    case "account_created": {
      const { accountName: name, customerName: customer } = content;
      const from = formatDate(content.startsOn, lang);
      const until = formatDate(content.endsOn, lang);
      return es
        ? {
            subject: `La cuenta ${name} está lista`,
            blocks: [
              { text: `Se ha creado la cuenta ${name} de ${customer}.` },
              { text: `Está activa desde el ${from} hasta el ${until}.` },
            ],
            action: { label: "Ver la cuenta", url: content.accountUrl },
          }
        : {
            subject: `The account ${name} is ready`,
            blocks: [
              { text: `The account ${name} of ${customer} has been created.` },
              { text: `It is active from ${from} until ${until}.` },
            ],
            action: { label: "See the account", url: content.accountUrl },
          };
    }
    case "account_renewed": {
      const { accountName: name, customerName: customer } = content;
      const until = formatDate(content.endsOn, lang);
      return es
        ? {
            subject: `La cuenta ${name} se ha renovado hasta el ${until}`,
            blocks: [{ text: `La cuenta ${name} de ${customer} sigue activa hasta el ${until}.` }],
            action: { label: "Ver la cuenta", url: content.accountUrl },
          }
        : {
            subject: `The account ${name} is renewed until ${until}`,
            blocks: [{ text: `The account ${name} of ${customer} stays active until ${until}.` }],
            action: { label: "See the account", url: content.accountUrl },
          };
    }
    case "application_filed": {
      const { partnerName: partner, requesterName: requester, summary, comment } = content;
      const quoted: Block[] = comment ? [{ quote: comment }] : [];
      return es
        ? {
            subject: `Nueva solicitud de ${partner}: ${summary}`,
            blocks: [
              { text: `${requester} (${partner}) ha presentado una solicitud: ${summary}.` },
              ...quoted,
            ],
            action: { label: "Revisar la solicitud", url: content.reviewUrl },
          }
        : {
            subject: `New application from ${partner}: ${summary}`,
            blocks: [
              { text: `${requester} (${partner}) filed an application: ${summary}.` },
              ...quoted,
            ],
            action: { label: "Review the application", url: content.reviewUrl },
          };
    }
    case "application_decided": {
      const { summary, reviewerName: reviewer, comment } = content;
      const approved = content.decision === "approved";
      const quoted: Block[] = comment ? [{ quote: comment }] : [];
      if (es) {
        const decided = approved ? "aprobado" : "rechazado";
        return {
          subject: `Tu solicitud ha sido ${approved ? "aprobada" : "rechazada"}: ${summary}`,
          blocks: [
            {
              text: reviewer
                ? `${reviewer} ha ${decided} tu solicitud: ${summary}.`
                : `Una regla de aprobación automática ha ${decided} tu solicitud: ${summary}.`,
            },
            ...(comment ? [{ text: "Su comentario:" }, ...quoted] : []),
          ],
          action: { label: "Ver tus solicitudes", url: content.applicationsUrl },
        };
      }
      const decided = approved ? "approved" : "rejected";
      return {
        subject: `Your application was ${decided}: ${summary}`,
        blocks: [
          {
            text: reviewer
              ? `${reviewer} ${decided} your application: ${summary}.`
              : `An auto-approval rule ${decided} your application: ${summary}.`,
          },
          ...(comment ? [{ text: "Their comment:" }, ...quoted] : []),
        ],
        action: { label: "See your applications", url: content.applicationsUrl },
      };
    }
    case "password_reset": {
      const { name, validMinutes: minutes } = content;
      return es
        ? {
            subject: "Restablece tu contraseña de Wattfolio",
            blocks: [
              {
                text: `${name}, alguien ha pedido restablecer la contraseña de tu cuenta de Wattfolio. Si has sido tú, elige una nueva con este enlace, que sirve una sola vez durante ${minutes} minutos.`,
              },
              { text: "Si no lo has pedido tú, ignora este mensaje: tu contraseña no cambia." },
            ],
            action: { label: "Elegir una contraseña nueva", url: content.resetUrl },
          }
        : {
            subject: "Reset your Wattfolio password",
            blocks: [
              {
                text: `${name}, someone asked to reset the password of your Wattfolio account. If it was you, choose a new one with this link; it works once, for ${minutes} minutes.`,
              },
              { text: "If it was not you, ignore this message: your password stays as it is." },
            ],
            action: { label: "Choose a new password", url: content.resetUrl },
          };
    }
    case "invitation":
      return invitationLetter(content, lang);
  }
}

function invitationLetter(content: Extract<MailContent, { topic: "invitation" }>, lang: Language) {
  const { inviteeName: invitee, inviterName: inviter, partnerName: partner } = content;
  const { userTypeLabel: type, accountName: account, validDays: days } = content;
  if (lang === "es") {
    const who = inviter ?? "El equipo de Wattfolio";
    const what = partner
      ? `unirte a ${partner} en Wattfolio${type ? ` como ${type}` : ""}`
      : "unirte al equipo de Customer Success de Wattfolio";
    return {
      subject: partner ? `Invitación a ${partner} en Wattfolio` : "Invitación a Wattfolio",
      blocks: [
        { text: `${invitee}, ${who} te invita a ${what}.` },
        ...(account ? [{ text: `Tendrás acceso a la cuenta ${account}.` }] : []),
        {
          text: `Elige tu contraseña con este enlace, que sirve una sola vez durante ${days} días.`,
        },
      ],
      action: { label: "Aceptar la invitación", url: content.acceptUrl },
    };
  }
  const who = inviter ?? "The Wattfolio team";
  const what = partner
    ? `join ${partner} on Wattfolio${type ? ` as ${type}` : ""}`
    : "join Wattfolio's Customer Success team";
  return {
    subject: partner ? `Invitation to ${partner} on Wattfolio` : "Invitation to Wattfolio",
    blocks: [
      { text: `${invitee}, ${who} invites you to ${what}.` },
      ...(account ? [{ text: `You will have access to the account ${account}.` }] : []),
      { text: `Choose your password with this link; it works once, for ${days} days.` },
    ],
    action: { label: "Accept the invitation", url: content.acceptUrl },
  };
}

export function renderMail(content: MailContent, language: Language): RenderedMail {
  const letter: Letter = {
    ...letterOf(content, language),
    greeting: GREETING[language],
    signature: SIGNATURE[language],
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
