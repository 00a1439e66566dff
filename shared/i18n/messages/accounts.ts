/** The accounts a user sees, their page and history, and a SuperAdmin's Account management. */
import { defineMessages } from "../define.ts";

export const accounts = defineMessages(
  {
    // Words an account's parts go by, in tables, panels and facts alike.
    "accounts.field.account": "Account",
    "accounts.field.customer": "Customer",
    "accounts.field.status": "Status",
    "accounts.field.daysLeft": "Days left",
    "accounts.field.partner": "Partner",
    "accounts.field.created": "Created",
    "accounts.field.billingContact": "Billing contact",
    "accounts.field.billManagement": "Bill Management",
    "accounts.searchPlaceholder": "Search by account or customer",
    "accounts.chooseLicence": "Choose a licence",
    "accounts.applicationSent": "Application sent",
    "accounts.loadingCatalogue": "Loading the catalogue…",

    // The home list.
    "accounts.list.title": "Your accounts",
    "accounts.list.search": "Search accounts",
    "accounts.list.show": "Show accounts",
    "accounts.list.noMatch": "No account matches your search.",
    "accounts.list.empty": "You have no accounts yet.",

    // An account's page.
    "accounts.details.notFound": "Account not found",
    "accounts.details.notFoundText": "There is no account here, or it is not one you can see.",
    "accounts.details.backToManagement": "Back to account management",
    "accounts.details.backToYourAccounts": "Back to your accounts",
    "accounts.details.backToReviewQueue": "Back to review queue",
    "accounts.details.reviewQueue": "Review queue",
    "accounts.details.description": "{customer} · {licence} licence",
    "accounts.details.noComment": "No comment.",
    "accounts.details.history": "History",
    "accounts.details.term": "Term",
    "accounts.details.platformDefault": "Platform default",
    "accounts.details.noBillingContact": "None: reminders go to the SuperAdmins",
    "accounts.details.pendingApplications": "Pending applications",

    // An account's history.
    "accounts.history.filed": "Requested",
    "accounts.history.approved": "Approved",
    "accounts.history.rejected": "Rejected",
    "accounts.history.withdrawn": "Withdrawn",
    "accounts.history.created": "Created",
    "accounts.history.autoApprovalRule": "Auto-approval rule",
    "accounts.history.empty": "Nothing has happened to this account yet.",
    "accounts.history.newer": "Newer",
    "accounts.history.older": "Older",

    // Account management and its zones.
    "accounts.management.title": "Account management",
    "accounts.management.description":
      "Your portfolio’s accounts and the applications sent to Customer Success.",
    "accounts.zones.active": "Active accounts",
    "accounts.zones.expired": "Expired accounts",
    "accounts.zones.applications": "Applications",
    "accounts.zones.searchActive": "Search active accounts",
    "accounts.zones.searchExpired": "Search expired accounts",
    "accounts.zones.noActive": "No active accounts.",
    "accounts.zones.noExpired": "No expired accounts.",
    "accounts.zones.noMatch": "No account matches these filters.",
    "accounts.zones.filterByLicence": "Filter by licence",
    "accounts.zones.allLicences": "All licences",
    "accounts.zones.contracted": "Contracted",
    "accounts.zones.used": "Used",
    "accounts.zones.left": "Left",
    "accounts.zones.expiresOn": "Expires on",
    "accounts.zones.endedOn": "Ended on",
    "accounts.zones.daysSince": "Days since",
    "accounts.zones.pending": "{count, plural, one {# pending} other {# pending}}",
    "accounts.rowMenu.actionsFor": "Actions for {name}",
    "accounts.rowMenu.requestChange": "Request a change",
    "accounts.rowMenu.open": "Open",

    // The Applications zone.
    "accounts.applications.noStatus":
      "{status, select, pending {No pending applications.} approved {No approved applications.} rejected {No rejected applications.} other {No withdrawn applications.}}",
    "accounts.applications.empty": "No applications yet.",
    "accounts.applications.withdrawFor": "Withdraw {summary}",
    "accounts.applications.withdraw": "Withdraw",
    "accounts.applications.withdrawTitle": "Withdraw this application?",
    "accounts.applications.withdrawText":
      "“{summary}” will not be reviewed and the account does not change. You can file a new application later.",
    "accounts.applications.keep": "Keep it",
    "accounts.applications.withdrawConfirm": "Withdraw application",
    "accounts.applications.withdrawn": "Application withdrawn",

    // The account picker.
    "accounts.picker.placeholder": "Search the portfolio’s active accounts",
    "accounts.picker.searching": "Searching…",
    "accounts.picker.nothingFound": "No active account matches",

    // The billing contact.
    "accounts.billingContact.edit": "Edit billing contact",
    "accounts.billingContact.email": "E-mail",
    "accounts.billingContact.description":
      "Gets the expiry reminders and renewal notices as well as your SuperAdmins. Leave it empty to remove it.",
    "accounts.billingContact.placeholder": "billing@customer.example",
    "accounts.billingContact.checkAddress": "Check the address",
    "accounts.billingContact.saved": "Billing contact saved",

    // The create-account form.
    "accounts.newAccount.create": "Create a new account",
    "accounts.newAccount.description":
      "Describe the new project. Customer Success reviews the application before the account exists.",
    "accounts.newAccount.sentMessage": 'Customer Success will review the new account "{name}".',
    "accounts.newAccount.customerAndAccount": "Customer and account",
    "accounts.newAccount.noCountry": "No country by that name",
    "accounts.newAccount.chooseSector": "Choose a sector",
    "accounts.newAccount.licenceAndTerm": "Licence and term",
    "accounts.newAccount.licenceHint": "What the customer may use",
    "accounts.newAccount.datapointsHint": "DP to contract, at least {min, number}",
    "accounts.newAccount.periodMonths": "Period (months)",
    "accounts.newAccount.periodHint": "{min, number} to {max, number} months from approval",
    "accounts.newAccount.needsBillManagement": "Needs a Bill Management licence type",
    "accounts.newAccount.alerts": "Alerts, meter reading and e-mail",
    "accounts.newAccount.smsCreditsHint": "Spent by real-time alerts",
    "accounts.newAccount.draftRestored": "Draft restored",
    "accounts.newAccount.discardDraft": "Discard",
    "accounts.newAccount.leaveTitle": "Leave without sending the application?",
    "accounts.newAccount.leaveText":
      "Customer Success hasn’t received it yet. What you typed stays as a draft in this browser until you send or discard it.",
    "accounts.newAccount.leave": "Leave",
    "accounts.newAccount.emailDomainHint": "Optional: your own sending domain",
    "accounts.newAccount.commentPlaceholder":
      "Anything Customer Success should know about this account",
    "accounts.newAccount.characters": "{length, number} / {max, number} characters",
    "accounts.newAccount.next.title": "What happens next",
    "accounts.newAccount.next.send": "You send the application",
    "accounts.newAccount.next.sendText": "It appears as pending in the Applications zone.",
    "accounts.newAccount.next.review": "Customer Success reviews it",
    "accounts.newAccount.next.reviewText":
      "They approve it, or reject it with a comment saying why.",
    "accounts.newAccount.next.start": "The account starts",
    "accounts.newAccount.next.startText":
      "Active from the day of approval for the period you asked for, under Active accounts.",

    // A change to an account, filed as an application.
    "accounts.change.approvedTitle": "Approved automatically",
    "accounts.change.approvedMessage":
      "{summary}: an auto-approval rule approved it, {account} is already changed.",
    "accounts.change.sentMessage": "{summary}: Customer Success will review it.",
    "accounts.change.alreadyPending": "Already pending",
    "accounts.change.alreadyPendingText":
      "This account already has a pending {kind, select, edit_datapoints {edit datapoints} move_datapoints {move datapoints} edit_licence {edit licence} upgrade_meters {upgrade meters} buy_sms_credits {buy SMS credits} other {renew subscription}} application: withdraw it or wait for its decision.",
    "accounts.change.seePending": "See the pending application",
    "accounts.change.commentHint": "Optional, for Customer Success",
    "accounts.change.submit": "Extension request",
    "accounts.change.currentDatapoints":
      "{contracted, number} DP, {used, number} used, {left, number} left",
    "accounts.change.rtmMeters": "RtM meters",
    "accounts.change.result": "Result",
    "accounts.change.used": "{used, number} used",
    "accounts.change.fillIn": "Fill in the change to see the result.",
    "accounts.change.smsCreditsToBuy": "SMS credits to buy",
    "accounts.change.datapointsChange": "Change in datapoints",
    "accounts.change.datapointsChangeHint":
      "A positive number adds datapoints; a negative one (e.g. -50) removes them.",
    "accounts.change.newLicence": "New licence",
    "accounts.change.datapointsToMove": "Datapoints to move",
    "accounts.change.receivingAccount": "Receiving account",
    "accounts.change.chooseAccount": "Choose an account",
    "accounts.change.noTarget": "No active account of your portfolio matches",
    "accounts.change.renewActive":
      "Renewing adds {months, plural, one {# month} other {# months}} from the current end date.",
    "accounts.change.renewExpired":
      "Renewing adds {months, plural, one {# month} other {# months}} from the day Customer Success approves it; the account is active again.",
    // RTC lines, in the create form and in Upgrade meters alike.
    "accounts.rtcOnlySpain": "Only for accounts in Spain",
  },
  {
    "accounts.field.account": "Cuenta",
    "accounts.field.customer": "Cliente",
    "accounts.field.status": "Estado",
    "accounts.field.daysLeft": "Días restantes",
    "accounts.field.partner": "Partner",
    "accounts.field.created": "Creada",
    "accounts.field.billingContact": "Contacto de facturación",
    "accounts.field.billManagement": "Bill Management",
    "accounts.searchPlaceholder": "Busca por cuenta o cliente",
    "accounts.chooseLicence": "Elige una licencia",
    "accounts.applicationSent": "Solicitud enviada",
    "accounts.loadingCatalogue": "Cargando el catálogo…",

    "accounts.list.title": "Tus cuentas",
    "accounts.list.search": "Buscar cuentas",
    "accounts.list.show": "Mostrar cuentas",
    "accounts.list.noMatch": "Ninguna cuenta coincide con tu búsqueda.",
    "accounts.list.empty": "Todavía no tienes cuentas.",

    "accounts.details.notFound": "Cuenta no encontrada",
    "accounts.details.notFoundText": "Aquí no hay ninguna cuenta, o no es una que puedas ver.",
    "accounts.details.backToManagement": "Volver a la gestión de cuentas",
    "accounts.details.backToYourAccounts": "Volver a tus cuentas",
    "accounts.details.backToReviewQueue": "Volver a la cola de revisión",
    "accounts.details.reviewQueue": "Cola de revisión",
    "accounts.details.description": "{customer} · licencia {licence}",
    "accounts.details.noComment": "Sin comentarios.",
    "accounts.details.history": "Historial",
    "accounts.details.term": "Vigencia",
    "accounts.details.platformDefault": "El predeterminado de la plataforma",
    "accounts.details.noBillingContact": "Ninguno: los recordatorios van a los SuperAdmins",
    "accounts.details.pendingApplications": "Solicitudes pendientes",

    "accounts.history.filed": "Solicitada",
    "accounts.history.approved": "Aprobada",
    "accounts.history.rejected": "Rechazada",
    "accounts.history.withdrawn": "Retirada",
    "accounts.history.created": "Creada",
    "accounts.history.autoApprovalRule": "Regla de aprobación automática",
    "accounts.history.empty": "Todavía no ha pasado nada en esta cuenta.",
    "accounts.history.newer": "Más recientes",
    "accounts.history.older": "Anteriores",

    "accounts.management.title": "Gestión de cuentas",
    "accounts.management.description":
      "Las cuentas de tu cartera y las solicitudes enviadas a Customer Success.",
    "accounts.zones.active": "Cuentas activas",
    "accounts.zones.expired": "Cuentas caducadas",
    "accounts.zones.applications": "Solicitudes",
    "accounts.zones.searchActive": "Buscar cuentas activas",
    "accounts.zones.searchExpired": "Buscar cuentas caducadas",
    "accounts.zones.noActive": "No hay cuentas activas.",
    "accounts.zones.noExpired": "No hay cuentas caducadas.",
    "accounts.zones.noMatch": "Ninguna cuenta coincide con estos filtros.",
    "accounts.zones.filterByLicence": "Filtrar por licencia",
    "accounts.zones.allLicences": "Todas las licencias",
    "accounts.zones.contracted": "Contratados",
    "accounts.zones.used": "Usados",
    "accounts.zones.left": "Restantes",
    "accounts.zones.expiresOn": "Caduca el",
    "accounts.zones.endedOn": "Terminó el",
    "accounts.zones.daysSince": "Días transcurridos",
    "accounts.zones.pending": "{count, plural, one {# pendiente} other {# pendientes}}",
    "accounts.rowMenu.actionsFor": "Acciones de {name}",
    "accounts.rowMenu.requestChange": "Solicitar un cambio",
    "accounts.rowMenu.open": "Abrir",

    "accounts.applications.noStatus":
      "{status, select, pending {No hay solicitudes pendientes.} approved {No hay solicitudes aprobadas.} rejected {No hay solicitudes rechazadas.} other {No hay solicitudes retiradas.}}",
    "accounts.applications.empty": "Todavía no hay solicitudes.",
    "accounts.applications.withdrawFor": "Retirar {summary}",
    "accounts.applications.withdraw": "Retirar",
    "accounts.applications.withdrawTitle": "¿Retirar esta solicitud?",
    "accounts.applications.withdrawText":
      "«{summary}» no se revisará y la cuenta no cambia. Puedes presentar una solicitud nueva más adelante.",
    "accounts.applications.keep": "Conservarla",
    "accounts.applications.withdrawConfirm": "Retirar la solicitud",
    "accounts.applications.withdrawn": "Solicitud retirada",

    "accounts.picker.placeholder": "Busca entre las cuentas activas de la cartera",
    "accounts.picker.searching": "Buscando…",
    "accounts.picker.nothingFound": "Ninguna cuenta activa coincide",

    "accounts.billingContact.edit": "Editar el contacto de facturación",
    "accounts.billingContact.email": "Correo electrónico",
    "accounts.billingContact.description":
      "Recibe los recordatorios de caducidad y los avisos de renovación, igual que tus SuperAdmins. Déjalo vacío para quitarlo.",
    "accounts.billingContact.placeholder": "facturacion@cliente.example",
    "accounts.billingContact.checkAddress": "Revisa la dirección",
    "accounts.billingContact.saved": "Contacto de facturación guardado",

    "accounts.newAccount.create": "Crear una cuenta nueva",
    "accounts.newAccount.description":
      "Describe el nuevo proyecto. Customer Success revisa la solicitud antes de que exista la cuenta.",
    "accounts.newAccount.sentMessage": "Customer Success revisará la cuenta nueva «{name}».",
    "accounts.newAccount.customerAndAccount": "Cliente y cuenta",
    "accounts.newAccount.noCountry": "Ningún país se llama así",
    "accounts.newAccount.chooseSector": "Elige un sector",
    "accounts.newAccount.licenceAndTerm": "Licencia y vigencia",
    "accounts.newAccount.licenceHint": "Lo que el cliente puede usar",
    "accounts.newAccount.datapointsHint": "DP que contratar, {min, number} como mínimo",
    "accounts.newAccount.periodMonths": "Periodo (meses)",
    "accounts.newAccount.periodHint": "De {min, number} a {max, number} meses desde la aprobación",
    "accounts.newAccount.needsBillManagement": "Requiere un tipo de licencia de Bill Management",
    "accounts.newAccount.alerts": "Alertas, lectura de contadores y correo electrónico",
    "accounts.newAccount.smsCreditsHint": "Los gastan las alertas en tiempo real",
    "accounts.newAccount.draftRestored": "Borrador recuperado",
    "accounts.newAccount.discardDraft": "Descartar",
    "accounts.newAccount.leaveTitle": "¿Salir sin enviar la solicitud?",
    "accounts.newAccount.leaveText":
      "Customer Success aún no la ha recibido. Lo que has escrito se guarda como borrador en este navegador hasta que lo envíes o lo descartes.",
    "accounts.newAccount.leave": "Salir",
    "accounts.newAccount.emailDomainHint": "Opcional: tu propio dominio de envío",
    "accounts.newAccount.commentPlaceholder":
      "Lo que Customer Success deba saber sobre esta cuenta",
    "accounts.newAccount.characters": "{length, number} / {max, number} caracteres",
    "accounts.newAccount.next.title": "Qué pasa después",
    "accounts.newAccount.next.send": "Envías la solicitud",
    "accounts.newAccount.next.sendText": "Aparece como pendiente en la zona Solicitudes.",
    "accounts.newAccount.next.review": "Customer Success la revisa",
    "accounts.newAccount.next.reviewText":
      "La aprueba, o la rechaza con un comentario que explica por qué.",
    "accounts.newAccount.next.start": "La cuenta empieza",
    "accounts.newAccount.next.startText":
      "Activa desde el día de la aprobación durante el periodo que pediste, en Cuentas activas.",

    "accounts.change.approvedTitle": "Aprobada automáticamente",
    "accounts.change.approvedMessage":
      "{summary}: la ha aprobado una regla de aprobación automática y {account} ya tiene el cambio.",
    "accounts.change.sentMessage": "{summary}: Customer Success la revisará.",
    "accounts.change.alreadyPending": "Ya hay una pendiente",
    "accounts.change.alreadyPendingText":
      "Esta cuenta ya tiene una solicitud pendiente de tipo «{kind, select, edit_datapoints {Editar puntos de datos} move_datapoints {Mover puntos de datos} edit_licence {Cambiar licencia} upgrade_meters {Ampliar contadores} buy_sms_credits {Comprar créditos SMS} other {Renovar suscripción}}»: retírala o espera a que se decida.",
    "accounts.change.seePending": "Ver la solicitud pendiente",
    "accounts.change.commentHint": "Opcional, para Customer Success",
    "accounts.change.submit": "Solicitar la ampliación",
    "accounts.change.currentDatapoints":
      "{contracted, number} DP, {used, number} usados, {left, number} restantes",
    "accounts.change.rtmMeters": "Contadores RtM",
    "accounts.change.result": "Resultado",
    "accounts.change.used": "{used, number} usados",
    "accounts.change.fillIn": "Rellena el cambio para ver el resultado.",
    "accounts.change.smsCreditsToBuy": "Créditos SMS que comprar",
    "accounts.change.datapointsChange": "Cambio en puntos de datos",
    "accounts.change.datapointsChangeHint":
      "Un número positivo añade puntos de datos; uno negativo (p. ej., -50) los quita.",
    "accounts.change.newLicence": "Licencia nueva",
    "accounts.change.datapointsToMove": "Puntos de datos que mover",
    "accounts.change.receivingAccount": "Cuenta receptora",
    "accounts.change.chooseAccount": "Elige una cuenta",
    "accounts.change.noTarget": "Ninguna cuenta activa de tu cartera coincide",
    "accounts.change.renewActive":
      "Renovar añade {months, plural, one {# mes} other {# meses}} a partir de la fecha de fin actual.",
    "accounts.change.renewExpired":
      "Renovar añade {months, plural, one {# mes} other {# meses}} a partir del día en que Customer Success la apruebe; la cuenta vuelve a estar activa.",
    "accounts.rtcOnlySpain": "Solo para cuentas en España",
  },
);
