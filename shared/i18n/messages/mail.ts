/** The e-mails Wattfolio sends. `{days}` counts whole days; dates arrive already written out. */
import { defineMessages } from "../define.ts";

export const mail = defineMessages(
  {
    "mail.greeting": "Hello,",
    "mail.signature": "The Wattfolio team",
    "mail.reminder.subject":
      "Your account {account} expires in {days, plural, one {# day} other {# days}} ({date})",
    "mail.reminder.subjectToday": "Your account {account} expires today",
    "mail.reminder.body":
      "The account {account} of {customer} expires in {days, plural, one {# day} other {# days}}, on {date}.",
    "mail.reminder.bodyToday":
      "The account {account} of {customer} expires today, {date}. From today the platform keeps it read-only: no new datapoints and no SMS.",
    "mail.reminder.howToRenew":
      "To keep using it, renew it for one more year from Account management: choose “Renew subscription” in the account’s menu.",
    "mail.reminder.action": "Renew the account",
    "mail.accountCreated.subject": "The account {account} is ready",
    "mail.accountCreated.body": "The account {account} of {customer} has been created.",
    "mail.accountCreated.period": "It is active from {from} until {until}.",
    "mail.accountRenewed.subject": "The account {account} is renewed until {until}",
    "mail.accountRenewed.body": "The account {account} of {customer} stays active until {until}.",
    "mail.account.action": "See the account",
    "mail.applicationFiled.subject": "New application from {partner}: {summary}",
    "mail.applicationFiled.body": "{requester} ({partner}) filed an application: {summary}.",
    "mail.applicationFiled.action": "Review the application",
    "mail.applicationDecided.subject":
      "Your application was {decision, select, approved {approved} other {rejected}}: {summary}",
    "mail.applicationDecided.byReviewer":
      "{reviewer} {decision, select, approved {approved} other {rejected}} your application: {summary}.",
    "mail.applicationDecided.byRule":
      "An auto-approval rule {decision, select, approved {approved} other {rejected}} your application: {summary}.",
    "mail.applicationDecided.theirComment": "Their comment:",
    "mail.applicationDecided.action": "See your applications",
    "mail.passwordReset.subject": "Reset your Wattfolio password",
    "mail.passwordReset.body":
      "{name}, someone asked to reset the password of your Wattfolio account. If it was you, choose a new one with this link; it works once, for {minutes, plural, one {# minute} other {# minutes}}.",
    "mail.passwordReset.notYou":
      "If it was not you, ignore this message: your password stays as it is.",
    "mail.passwordReset.action": "Choose a new password",
    "mail.invitation.subjectPartner": "Invitation to {partner} on Wattfolio",
    "mail.invitation.subjectStaff": "Invitation to Wattfolio",
    "mail.invitation.byOperator": "The Wattfolio team",
    "mail.invitation.toPartner": "{invitee}, {inviter} invites you to join {partner} on Wattfolio.",
    "mail.invitation.toPartnerAs":
      "{invitee}, {inviter} invites you to join {partner} on Wattfolio as {userType}.",
    "mail.invitation.toStaff":
      "{invitee}, {inviter} invites you to join Wattfolio’s Customer Success team.",
    "mail.invitation.account": "You will have access to the account {account}.",
    "mail.invitation.validity":
      "Choose your password with this link; it works once, for {days, plural, one {# day} other {# days}}.",
    "mail.invitation.action": "Accept the invitation",
    "mail.usageThreshold.subject":
      "The account {account} has used {threshold, number, percent} of its datapoints",
    "mail.usageThreshold.subjectFull": "The account {account} has used all its datapoints",
    "mail.usageThreshold.body":
      "The account {account} of {customer} uses {used} of its {contracted} contracted datapoints ({threshold, number, percent}).",
    "mail.usageThreshold.bodyFull":
      "The account {account} of {customer} uses all {contracted} of its contracted datapoints: the platform accepts no new ones until the contract grows.",
    "mail.usageThreshold.howToGrow":
      "To add datapoints, choose “Edit datapoints” in the account’s menu in Account management.",
    "mail.smsCreditsLow.subject":
      "The account {account} has {left, plural, one {# SMS credit} other {# SMS credits}} left",
    "mail.smsCreditsLow.body":
      "The account {account} of {customer} has {left, plural, one {# SMS credit} other {# SMS credits}} left, fewer than {level}. Real-time alerts by SMS stop when they run out.",
    "mail.smsCreditsLow.howToBuy":
      "To buy more, choose “Buy SMS credits” in the account’s menu in Account management.",
  },
  {
    "mail.greeting": "Hola:",
    "mail.signature": "El equipo de Wattfolio",
    "mail.reminder.subject":
      "Tu cuenta {account} caduca en {days, plural, one {# día} other {# días}} ({date})",
    "mail.reminder.subjectToday": "Tu cuenta {account} caduca hoy",
    "mail.reminder.body":
      "La cuenta {account} de {customer} caduca dentro de {days, plural, one {# día} other {# días}}, el {date}.",
    "mail.reminder.bodyToday":
      "La cuenta {account} de {customer} caduca hoy, {date}. Desde hoy la plataforma la mantiene en modo de solo lectura: no admite nuevos puntos de datos ni envía SMS.",
    "mail.reminder.howToRenew":
      "Para seguir usándola, renuévala por un año más desde Gestión de cuentas: elige «Renovar suscripción» en el menú de la cuenta.",
    "mail.reminder.action": "Renovar la cuenta",
    "mail.accountCreated.subject": "La cuenta {account} está lista",
    "mail.accountCreated.body": "Se ha creado la cuenta {account} de {customer}.",
    "mail.accountCreated.period": "Está activa desde el {from} hasta el {until}.",
    "mail.accountRenewed.subject": "La cuenta {account} se ha renovado hasta el {until}",
    "mail.accountRenewed.body": "La cuenta {account} de {customer} sigue activa hasta el {until}.",
    "mail.account.action": "Ver la cuenta",
    "mail.applicationFiled.subject": "Nueva solicitud de {partner}: {summary}",
    "mail.applicationFiled.body": "{requester} ({partner}) ha presentado una solicitud: {summary}.",
    "mail.applicationFiled.action": "Revisar la solicitud",
    "mail.applicationDecided.subject":
      "Tu solicitud ha sido {decision, select, approved {aprobada} other {rechazada}}: {summary}",
    "mail.applicationDecided.byReviewer":
      "{reviewer} ha {decision, select, approved {aprobado} other {rechazado}} tu solicitud: {summary}.",
    "mail.applicationDecided.byRule":
      "Una regla de aprobación automática ha {decision, select, approved {aprobado} other {rechazado}} tu solicitud: {summary}.",
    "mail.applicationDecided.theirComment": "Su comentario:",
    "mail.applicationDecided.action": "Ver tus solicitudes",
    "mail.passwordReset.subject": "Restablece tu contraseña de Wattfolio",
    "mail.passwordReset.body":
      "{name}, alguien ha pedido restablecer la contraseña de tu cuenta de Wattfolio. Si has sido tú, elige una nueva con este enlace, que sirve una sola vez durante {minutes, plural, one {# minuto} other {# minutos}}.",
    "mail.passwordReset.notYou":
      "Si no lo has pedido tú, ignora este mensaje: tu contraseña no cambia.",
    "mail.passwordReset.action": "Elegir una contraseña nueva",
    "mail.invitation.subjectPartner": "Invitación a {partner} en Wattfolio",
    "mail.invitation.subjectStaff": "Invitación a Wattfolio",
    "mail.invitation.byOperator": "El equipo de Wattfolio",
    "mail.invitation.toPartner":
      "{invitee}, {inviter} te invita a unirte a {partner} en Wattfolio.",
    "mail.invitation.toPartnerAs":
      "{invitee}, {inviter} te invita a unirte a {partner} en Wattfolio como {userType}.",
    "mail.invitation.toStaff":
      "{invitee}, {inviter} te invita a unirte al equipo de Customer Success de Wattfolio.",
    "mail.invitation.account": "Tendrás acceso a la cuenta {account}.",
    "mail.invitation.validity":
      "Elige tu contraseña con este enlace, que sirve una sola vez durante {days, plural, one {# día} other {# días}}.",
    "mail.invitation.action": "Aceptar la invitación",
    "mail.usageThreshold.subject":
      "La cuenta {account} ha usado el {threshold, number, percent} de sus puntos de datos",
    "mail.usageThreshold.subjectFull": "La cuenta {account} ha usado todos sus puntos de datos",
    "mail.usageThreshold.body":
      "La cuenta {account} de {customer} usa {used} de sus {contracted} puntos de datos contratados ({threshold, number, percent}).",
    "mail.usageThreshold.bodyFull":
      "La cuenta {account} de {customer} usa los {contracted} puntos de datos contratados: la plataforma no admite más hasta que se amplíe el contrato.",
    "mail.usageThreshold.howToGrow":
      "Para añadir puntos de datos, elige «Editar puntos de datos» en el menú de la cuenta en Gestión de cuentas.",
    "mail.smsCreditsLow.subject":
      "A la cuenta {account} le {left, plural, one {queda # crédito SMS} other {quedan # créditos SMS}}",
    "mail.smsCreditsLow.body":
      "A la cuenta {account} de {customer} le {left, plural, one {queda # crédito SMS} other {quedan # créditos SMS}}, menos de {level}. Las alertas en tiempo real por SMS se detienen cuando se agotan.",
    "mail.smsCreditsLow.howToBuy":
      "Para comprar más, elige «Comprar créditos SMS» en el menú de la cuenta en Gestión de cuentas.",
  },
);
