/** API keys: what integrations use to register datapoints and spend SMS credits. */
import { defineMessages } from "../define.ts";

export const apiKeys = defineMessages(
  {
    "apiKeys.title": "API keys",
    "apiKeys.page.descriptionPlatform":
      "Platform-wide keys the rest of the platform uses to register datapoints and spend SMS credits.",
    "apiKeys.page.descriptionPartner":
      "Keys your integrations use to register datapoints and spend SMS credits for the accounts of {partner}.",
    "apiKeys.page.descriptionPortfolio":
      "Keys your integrations use to register datapoints and spend SMS credits for the accounts of your portfolio.",
    "apiKeys.create": "Create an API key",
    "apiKeys.filter.label": "Show keys",
    "apiKeys.filter.all": "All",
    "apiKeys.status.active": "Active",
    "apiKeys.status.revoked": "Revoked",
    "apiKeys.name": "Name",
    "apiKeys.table.status": "Status",
    "apiKeys.scope": "Scope",
    "apiKeys.table.key": "Key",
    "apiKeys.table.created": "Created",
    "apiKeys.table.lastUsed": "Last used",
    "apiKeys.table.never": "Never",
    "apiKeys.table.by": "by {name}",
    "apiKeys.table.empty": "No API keys yet.",
    "apiKeys.table.emptyRevoked": "No revoked API keys.",
    "apiKeys.scope.platform": "Platform-wide",
    "apiKeys.scope.partner": "All accounts",
    "apiKeys.scope.account": "One account",
    "apiKeys.revoke.button": "Revoke",
    "apiKeys.revoke.buttonFor": "Revoke {name}",
    "apiKeys.revoke.title": "Revoke this API key?",
    "apiKeys.revoke.body":
      "Integrations using <b>{name}</b> (<code>{shownPart}…</code>) are refused within seconds. A revoked key cannot be used again; create a new one if needed.",
    "apiKeys.revoke.confirm": "Revoke key",
    "apiKeys.revoke.done":
      'API key "{name}" revoked: integrations using it are refused from now on',
    "apiKeys.create.nameDescription":
      "Say which integration uses it, e.g. Metering gateway (production)",
    "apiKeys.create.platformWide":
      "Customer Success keys are platform-wide: they reach every account of every partner.",
    "apiKeys.create.scopePartner": "All accounts of the portfolio",
    "apiKeys.create.chooseAccount": "Choose the account this key reaches",
    "apiKeys.create.submit": "Create key",
    "apiKeys.created.title": "API key created",
    "apiKeys.created.copyNow": "Copy the secret now",
    "apiKeys.created.onlyOnce":
      "This is the only time it is shown: Wattfolio keeps only a hash of it. Store it in your integration’s secret store; if it is lost, revoke this key and create another.",
    "apiKeys.created.secretOf": "Secret of {name}",
    "apiKeys.created.secretLabel": "API key secret",
    "apiKeys.created.copied": "Copied",
    "apiKeys.created.copy": "Copy",
    "apiKeys.created.secretCopied": "Secret copied",
    "apiKeys.created.copySecret": "Copy secret",
    "apiKeys.created.howToSend": "Integrations send it as <code>{header}</code> to the usage API.",
    "apiKeys.created.secretPlaceholder": "secret",
    "apiKeys.created.done": "I have copied the secret",
  },
  {
    "apiKeys.title": "Claves de API",
    "apiKeys.page.descriptionPlatform":
      "Claves de toda la plataforma con las que el resto de la plataforma registra puntos de datos y gasta créditos SMS.",
    "apiKeys.page.descriptionPartner":
      "Claves con las que tus integraciones registran puntos de datos y gastan créditos SMS para las cuentas de {partner}.",
    "apiKeys.page.descriptionPortfolio":
      "Claves con las que tus integraciones registran puntos de datos y gastan créditos SMS para las cuentas de tu cartera.",
    "apiKeys.create": "Crear una clave de API",
    "apiKeys.filter.label": "Mostrar claves",
    "apiKeys.filter.all": "Todas",
    "apiKeys.status.active": "Activa",
    "apiKeys.status.revoked": "Revocada",
    "apiKeys.name": "Nombre",
    "apiKeys.table.status": "Estado",
    "apiKeys.scope": "Alcance",
    "apiKeys.table.key": "Clave",
    "apiKeys.table.created": "Creada",
    "apiKeys.table.lastUsed": "Último uso",
    "apiKeys.table.never": "Nunca",
    "apiKeys.table.by": "por {name}",
    "apiKeys.table.empty": "Aún no hay claves de API.",
    "apiKeys.table.emptyRevoked": "No hay claves de API revocadas.",
    "apiKeys.scope.platform": "Toda la plataforma",
    "apiKeys.scope.partner": "Todas las cuentas",
    "apiKeys.scope.account": "Una cuenta",
    "apiKeys.revoke.button": "Revocar",
    "apiKeys.revoke.buttonFor": "Revocar {name}",
    "apiKeys.revoke.title": "¿Revocar esta clave de API?",
    "apiKeys.revoke.body":
      "Las integraciones que usan <b>{name}</b> (<code>{shownPart}…</code>) se rechazarán en unos segundos. Una clave revocada no puede volver a usarse; crea otra si la necesitas.",
    "apiKeys.revoke.confirm": "Revocar clave",
    "apiKeys.revoke.done":
      "Clave de API «{name}» revocada: desde ahora se rechazan las integraciones que la usan",
    "apiKeys.create.nameDescription":
      "Indica qué integración la usa, p. ej. Pasarela de medición (producción)",
    "apiKeys.create.platformWide":
      "Las claves de Customer Success son de toda la plataforma: llegan a todas las cuentas de todos los partners.",
    "apiKeys.create.scopePartner": "Todas las cuentas de la cartera",
    "apiKeys.create.chooseAccount": "Elige la cuenta a la que llega esta clave",
    "apiKeys.create.submit": "Crear clave",
    "apiKeys.created.title": "Clave de API creada",
    "apiKeys.created.copyNow": "Copia el secreto ahora",
    "apiKeys.created.onlyOnce":
      "Es la única vez que se muestra: Wattfolio solo guarda un hash. Guárdalo en el almacén de secretos de tu integración; si lo pierdes, revoca esta clave y crea otra.",
    "apiKeys.created.secretOf": "Secreto de {name}",
    "apiKeys.created.secretLabel": "Secreto de la clave de API",
    "apiKeys.created.copied": "Copiado",
    "apiKeys.created.copy": "Copiar",
    "apiKeys.created.secretCopied": "Secreto copiado",
    "apiKeys.created.copySecret": "Copiar secreto",
    "apiKeys.created.howToSend":
      "Las integraciones lo envían como <code>{header}</code> a la API de consumo.",
    "apiKeys.created.secretPlaceholder": "secreto",
    "apiKeys.created.done": "He copiado el secreto",
  },
);
