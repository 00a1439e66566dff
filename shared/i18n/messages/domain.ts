/** The product's own nouns, shown by the web app and written in e-mails alike. */
import { defineMessages } from "../define.ts";

export const domain = defineMessages(
  {
    "application.summary.newAccount":
      'New account "{name}" for {customer} · {licence} · {datapoints, number} DP · {months, plural, one {# month} other {# months}}',
    "application.summary.addDatapoints": "Add {datapoints, number} DP",
    "application.summary.removeDatapoints": "Remove {datapoints, number} DP",
    "application.summary.moveDatapoints": "Move {datapoints, number} DP to {target}",
    "application.summary.editLicence": "Change the licence to {licence}",
    "application.summary.upgradeMeters":
      "Meters: {billManagement} · {rtm, number} RtM · {pods, number} pods · {rtc, plural, one {# RTC line} other {# RTC lines}}",
    "application.summary.noBillManagement": "no Bill Management",
    "application.summary.buySmsCredits":
      "Buy {credits, plural, one {# SMS credit} other {# SMS credits}}",
    "application.summary.renewSubscription": "Renew the subscription for one more year",
    "application.summary.unknownLicence": "unknown licence",
    "application.summary.anotherAccount": "another account",
    "userType.super_admin": "SuperAdmin",
    "userType.super_admin.meaning":
      "Sees the whole portfolio, files applications and manages the partner’s users.",
    "userType.admin": "Admin",
    "userType.admin.meaning":
      "Configures the accounts they were given: their users, datapoints and alerts.",
    "userType.manager": "Manager",
    "userType.manager.meaning":
      "Works with the data of their accounts: analyses, reports and alerts.",
    "userType.client": "Client",
    "userType.client.meaning":
      "Consults the dashboards and reports of their accounts, without changing them.",
    "userType.demo": "Demo",
    "userType.demo.meaning": "Tries the platform on their accounts; nothing they do is kept.",
  },
  {
    "application.summary.newAccount":
      "Nueva cuenta «{name}» para {customer} · {licence} · {datapoints, number} DP · {months, plural, one {# mes} other {# meses}}",
    "application.summary.addDatapoints": "Añadir {datapoints, number} DP",
    "application.summary.removeDatapoints": "Quitar {datapoints, number} DP",
    "application.summary.moveDatapoints": "Mover {datapoints, number} DP a {target}",
    "application.summary.editLicence": "Cambiar la licencia a {licence}",
    "application.summary.upgradeMeters":
      "Contadores: {billManagement} · {rtm, number} RtM · {pods, number} pods · {rtc, plural, one {# línea RTC} other {# líneas RTC}}",
    "application.summary.noBillManagement": "sin Bill Management",
    "application.summary.buySmsCredits":
      "Comprar {credits, plural, one {# crédito SMS} other {# créditos SMS}}",
    "application.summary.renewSubscription": "Renovar la suscripción un año más",
    "application.summary.unknownLicence": "licencia desconocida",
    "application.summary.anotherAccount": "otra cuenta",
    "userType.super_admin": "SuperAdmin",
    "userType.super_admin.meaning":
      "Ve toda la cartera, presenta solicitudes y gestiona los usuarios del partner.",
    "userType.admin": "Admin",
    "userType.admin.meaning":
      "Configura las cuentas que se le asignan: sus usuarios, puntos de datos y alertas.",
    "userType.manager": "Manager",
    "userType.manager.meaning":
      "Trabaja con los datos de sus cuentas: análisis, informes y alertas.",
    "userType.client": "Cliente",
    "userType.client.meaning": "Consulta los paneles e informes de sus cuentas, sin cambiarlos.",
    "userType.demo": "Demo",
    "userType.demo.meaning":
      "Prueba la plataforma en sus cuentas; no se guarda nada de lo que hace.",
  },
);
