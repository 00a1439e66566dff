/** The mailbox page: the in-app mailbox, the outbox and the reminder sweep (not the mail itself). */
import { defineMessages } from "../define.ts";

export const mailbox = defineMessages(
  {
    "mailbox.title": "Mailbox",
    "mailbox.description":
      "E-mail the platform sent — notices and expiry reminders — and how each delivery went.",
    "mailbox.search": "Search the mailbox",
    "mailbox.searchPlaceholder": "Recipient or subject",
    "mailbox.subject": "Subject",
    "mailbox.received": "Received",
    "mailbox.language": "Language",
    "mailbox.noMatch": "No message matches this search.",
    "mailbox.empty": "No mail yet: notices and reminders land here when no SMTP server is set.",

    "mailbox.reader.choose": "Choose a message to read it here.",
    "mailbox.reader.couldNotOpen": "This message could not be opened",
    "mailbox.reader.message": "Message",
    "mailbox.reader.from": "From",
    "mailbox.reader.to": "To",
    "mailbox.reader.html": "HTML",
    "mailbox.reader.plainText": "Plain text",
    "mailbox.reader.htmlVersion": "HTML version of “{subject}”",

    "mailbox.outbox.title": "Outbox",
    "mailbox.outbox.filter": "Filter by delivery status",
    "mailbox.outbox.email": "E-mail",
    "mailbox.outbox.status": "Status",
    "mailbox.outbox.attempts": "Attempts",
    "mailbox.outbox.queued": "Queued",
    "mailbox.outbox.retrying": "Retrying",
    "mailbox.outbox.sent": "Sent",
    "mailbox.outbox.failed": "Failed",
    "mailbox.outbox.delivery": "Sent / next attempt",
    "mailbox.outbox.next": "next {at}",
    "mailbox.outbox.lastError": "Last error",
    "mailbox.outbox.empty": "No e-mail in this state.",
    "mailbox.outbox.topic.reminder": "Reminder · {days, plural, one {# day} other {# days}}",
    "mailbox.outbox.topic.reminderOnTheDay": "Reminder · on the day",
    "mailbox.outbox.topic.applicationFiled": "Application filed",
    "mailbox.outbox.topic.applicationDecided": "Application decided",
    "mailbox.outbox.topic.accountCreated": "Account created",
    "mailbox.outbox.topic.accountRenewed": "Account renewed",

    "mailbox.sweep.run": "Run reminder sweep now",
    "mailbox.sweep.done": "Reminder sweep done",
    "mailbox.sweep.queued":
      "{reminders, plural, one {# reminder} other {# reminders}} due: {mails, plural, one {# e-mail} other {# e-mails}} queued, delivered in a moment.",
    "mailbox.sweep.nothingDue":
      "No reminder is due: every account’s reminders have already gone out.",
    "mailbox.sweep.nothingDueRecent":
      "No reminder is due now: {count, number} went out in the last 24 hours, the last at {lastSentAt}. Moving the test clock runs the sweep too.",
  },
  {
    "mailbox.title": "Buzón",
    "mailbox.description":
      "Los correos que ha enviado la plataforma —avisos y recordatorios de caducidad— y cómo fue cada entrega.",
    "mailbox.search": "Buscar en el buzón",
    "mailbox.searchPlaceholder": "Destinatario o asunto",
    "mailbox.subject": "Asunto",
    "mailbox.received": "Recibido",
    "mailbox.language": "Idioma",
    "mailbox.noMatch": "Ningún mensaje coincide con esta búsqueda.",
    "mailbox.empty":
      "Todavía no hay correo: los avisos y recordatorios llegan aquí cuando no hay ningún servidor SMTP configurado.",

    "mailbox.reader.choose": "Elige un mensaje para leerlo aquí.",
    "mailbox.reader.couldNotOpen": "No se ha podido abrir este mensaje",
    "mailbox.reader.message": "Mensaje",
    "mailbox.reader.from": "De",
    "mailbox.reader.to": "Para",
    "mailbox.reader.html": "HTML",
    "mailbox.reader.plainText": "Texto sin formato",
    "mailbox.reader.htmlVersion": "Versión HTML de «{subject}»",

    "mailbox.outbox.title": "Bandeja de salida",
    "mailbox.outbox.filter": "Filtrar por estado de entrega",
    "mailbox.outbox.email": "Correo electrónico",
    "mailbox.outbox.status": "Estado",
    "mailbox.outbox.attempts": "Intentos",
    "mailbox.outbox.queued": "En cola",
    "mailbox.outbox.retrying": "Reintentando",
    "mailbox.outbox.sent": "Enviado",
    "mailbox.outbox.failed": "Fallido",
    "mailbox.outbox.delivery": "Enviado / próximo intento",
    "mailbox.outbox.next": "próximo: {at}",
    "mailbox.outbox.lastError": "Último error",
    "mailbox.outbox.empty": "No hay ningún correo en este estado.",
    "mailbox.outbox.topic.reminder": "Recordatorio · {days, plural, one {# día} other {# días}}",
    "mailbox.outbox.topic.reminderOnTheDay": "Recordatorio · el mismo día",
    "mailbox.outbox.topic.applicationFiled": "Solicitud presentada",
    "mailbox.outbox.topic.applicationDecided": "Solicitud decidida",
    "mailbox.outbox.topic.accountCreated": "Cuenta creada",
    "mailbox.outbox.topic.accountRenewed": "Cuenta renovada",

    "mailbox.sweep.run": "Enviar recordatorios pendientes",
    "mailbox.sweep.done": "Revisión de recordatorios completada",
    "mailbox.sweep.queued":
      "{reminders, plural, one {# recordatorio pendiente} other {# recordatorios pendientes}}: {mails, plural, one {# correo en cola} other {# correos en cola}}, se entregarán en un momento.",
    "mailbox.sweep.nothingDue":
      "No hay ningún recordatorio pendiente: ya se han enviado los de todas las cuentas.",
    "mailbox.sweep.nothingDueRecent":
      "Ahora no hay ningún recordatorio pendiente: {count, plural, one {se ha enviado #} other {se han enviado #}} en las últimas 24 horas, el último, el {lastSentAt}. Mover el reloj de pruebas también envía los recordatorios pendientes.",
  },
);
