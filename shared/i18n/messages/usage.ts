/** What the platform uses of an account: the usage card, its datapoints and the CSV import. */
import { defineMessages } from "../define.ts";

export const usage = defineMessages(
  {
    "usage.card.title": "Usage",
    "usage.card.datapoints": "Datapoints (DP)",
    "usage.card.datapointsUsage": "Datapoints usage",
    "usage.card.contracted": "Contracted",
    "usage.card.used": "Used",
    "usage.card.left": "Left",
    "usage.card.smsLeft": "{left, number} left",
    "usage.card.smsSpent": "· {used, number} of {contracted, number} spent",

    "usage.history.title": "Usage over time",
    "usage.history.interval": "Show usage by",
    "usage.history.days": "Days",
    "usage.history.weeks": "Weeks",
    "usage.history.months": "Months",
    "usage.history.used": "Datapoints used",
    "usage.history.contracted": "Datapoints contracted",
    "usage.history.smsSpent": "SMS credits spent",
    "usage.history.smsLeft": "SMS credits left",
    "usage.history.registered": "Datapoints registered",
    "usage.history.released": "Datapoints released",
    "usage.history.period": "Period",
    "usage.history.caption": "Usage per period",
    "usage.history.summary":
      "From {from} to {to}, datapoints used went from {usedFrom, number} to {usedTo, number} of {contracted, number} contracted, and {spent, plural, one {# SMS credit was} other {# SMS credits were}} spent.",
    "usage.history.empty": "No usage recorded in this period.",
    "usage.history.error": "The usage history could not be loaded. Try again later.",

    "usage.datapoints.title": "Datapoints",
    "usage.datapoints.description":
      "Registered by the platform. Billable kinds count against the contract; the others never count.",
    "usage.datapoints.expiredTooltip": "An expired account accepts no new datapoints",
    "usage.datapoints.import": "Import datapoints from CSV",
    "usage.datapoints.kind": "Kind",
    "usage.datapoints.allKinds": "All kinds",
    "usage.datapoints.device": "Device",
    "usage.datapoints.devicePlaceholder": "Exact device name, e.g. Main meter",
    "usage.datapoints.noMatch": "No datapoints match these filters.",
    "usage.datapoints.empty": "No datapoints registered yet.",
    "usage.datapoints.externalId": "External id",
    "usage.datapoints.registered": "Registered",
    "usage.datapoints.billable": "Billable",
    "usage.datapoints.notBillable": "Not billable",

    "usage.import.title": "Import datapoints into {account}",
    "usage.import.intro":
      "One datapoint per line, after a header line <code>{columns}</code>, the fields separated by commas or by semicolons; quote a field that holds the separator. The kind is its code (<code>meter</code>) or its name as shown here, in English or Spanish (<code>{meter}</code>). At most {max, number} datapoints per import; the whole file is registered, or nothing.",
    "usage.import.template": "Download a template",
    "usage.import.templateFile": "datapoints-template.csv",
    "usage.import.sample.meterName": "Main meter active energy",
    "usage.import.sample.meterDevice": "Main meter",
    "usage.import.sample.degreeDaysName": "Heating degree days, roof",
    "usage.import.sample.degreeDaysDevice": "Weather station",
    "usage.import.upload": "Upload a CSV file",
    "usage.import.loaded": "Loaded {fileName}",
    "usage.import.orPaste": "or paste it below",
    "usage.import.csv": "CSV",
    "usage.import.errors":
      "{count, plural, one {# error} other {# errors}} in the file: nothing was registered",
    "usage.import.errorsByLine": "Errors by line",
    "usage.import.line": "Line {line}:",
    "usage.import.preview": "Before you import",
    "usage.import.preview.rows":
      "{rows, plural, one {# datapoint} other {# datapoints}} in the file",
    "usage.import.preview.billable":
      "{billable, plural, one {# billable: counts} other {# billable: count}} toward the contract",
    "usage.import.preview.notBillable":
      "{notBillable, plural, one {# not billable: never counts} other {# not billable: never count}}",
    "usage.import.preview.leftAfter":
      "{leftAfter, number} DP left on the contract after the import (now {left, number})",
    "usage.import.preview.short":
      "Not enough datapoints left: the contract has {left, number} and this file needs {billable, number}. Import fewer billable datapoints, or apply for more datapoints first.",
    "usage.import.preview.again": "Datapoints the account registered already do not count again.",
    "usage.import.submit": "Import datapoints",
    "usage.import.registered": "{count, plural, one {# datapoint} other {# datapoints}} registered",
    "usage.import.counted":
      "{billable, number} of {count, number} {billable, plural, one {counts} other {count}} toward the contract.",
    "usage.import.again":
      "{again, plural, one {# was} other {# were}} already registered and did not count again.",
    "usage.import.left": "{left, number} DP left.",
    "usage.import.quotaTitle": "Not enough datapoints left: nothing was registered",
    "usage.import.quotaText":
      "The account has {left, plural, one {# datapoint} other {# datapoints}} left. Import fewer billable datapoints, or apply for more datapoints first.",
    "usage.import.quotaTextNeeded":
      "The account has {left, plural, one {# datapoint} other {# datapoints}} left and this import needs {needed, number}. Import fewer billable datapoints, or apply for more datapoints first.",
    "usage.import.expiredTitle": "The account has expired: nothing was registered",
    "usage.import.expiredText":
      "An expired account accepts no new datapoints. Renew its subscription first.",
    "usage.import.refusedTitle": "The import was refused: nothing was registered",

    "usage.csv.empty": "The file is empty: start with {columns}",
    "usage.csv.missingColumns": "The header must name the columns {columns}; missing: {missing}",
    "usage.csv.noRows": "No datapoints below the header",
    "usage.csv.tooMany": "At most {max, number} datapoints per import: split the file",
    "usage.csv.fieldCount":
      "Expected {expected, plural, one {# field} other {# fields}}, found {found, number}",
  },
  {
    "usage.card.title": "Consumo",
    "usage.card.datapoints": "Puntos de datos (DP)",
    "usage.card.datapointsUsage": "Consumo de puntos de datos",
    "usage.card.contracted": "Contratados",
    "usage.card.used": "Usados",
    "usage.card.left": "Restantes",
    "usage.card.smsLeft": "Quedan {left, number}",
    "usage.card.smsSpent": "· {used, number} de {contracted, number} gastados",

    "usage.history.title": "Uso a lo largo del tiempo",
    "usage.history.interval": "Mostrar el uso por",
    "usage.history.days": "Días",
    "usage.history.weeks": "Semanas",
    "usage.history.months": "Meses",
    "usage.history.used": "Puntos de datos usados",
    "usage.history.contracted": "Puntos de datos contratados",
    "usage.history.smsSpent": "Créditos SMS gastados",
    "usage.history.smsLeft": "Créditos SMS restantes",
    "usage.history.registered": "Puntos de datos registrados",
    "usage.history.released": "Puntos de datos liberados",
    "usage.history.period": "Periodo",
    "usage.history.caption": "Uso por periodo",
    "usage.history.summary":
      "Del {from} al {to}, los puntos de datos usados pasaron de {usedFrom, number} a {usedTo, number} de {contracted, number} contratados, y se {spent, plural, one {gastó # crédito SMS} other {gastaron # créditos SMS}}.",
    "usage.history.empty": "No hay uso registrado en este periodo.",
    "usage.history.error": "No se ha podido cargar el historial de uso. Inténtalo más tarde.",

    "usage.datapoints.title": "Puntos de datos",
    "usage.datapoints.description":
      "Los registra la plataforma. Los tipos facturables cuentan para el contrato; los demás no cuentan nunca.",
    "usage.datapoints.expiredTooltip": "Una cuenta caducada no acepta nuevos puntos de datos",
    "usage.datapoints.import": "Importar desde un CSV",
    "usage.datapoints.kind": "Tipo",
    "usage.datapoints.allKinds": "Todos los tipos",
    "usage.datapoints.device": "Dispositivo",
    "usage.datapoints.devicePlaceholder":
      "Nombre exacto del dispositivo, p. ej. Contador principal",
    "usage.datapoints.noMatch": "Ningún punto de datos coincide con estos filtros.",
    "usage.datapoints.empty": "Todavía no hay puntos de datos registrados.",
    "usage.datapoints.externalId": "Id externo",
    "usage.datapoints.registered": "Registrado",
    "usage.datapoints.billable": "Facturable",
    "usage.datapoints.notBillable": "No facturable",

    "usage.import.title": "Importar puntos de datos en {account}",
    "usage.import.intro":
      "Un punto de datos por línea, tras una línea de cabecera <code>{columns}</code>, con los campos separados por comas o por puntos y coma; pon entre comillas los campos que contengan el separador. El tipo es su código (<code>meter</code>) o su nombre tal como aparece aquí, en español o en inglés (<code>{meter}</code>). Como máximo {max, number} puntos de datos por importación; se registra el archivo entero, o nada.",
    "usage.import.template": "Descargar una plantilla",
    "usage.import.templateFile": "plantilla-puntos-de-datos.csv",
    "usage.import.sample.meterName": "Energía activa del contador principal",
    "usage.import.sample.meterDevice": "Contador principal",
    "usage.import.sample.degreeDaysName": "Grados-día de calefacción, cubierta",
    "usage.import.sample.degreeDaysDevice": "Estación meteorológica",
    "usage.import.upload": "Subir un archivo CSV",
    "usage.import.loaded": "Cargado {fileName}",
    "usage.import.orPaste": "o pégalo abajo",
    "usage.import.csv": "CSV",
    "usage.import.errors":
      "{count, plural, one {# error} other {# errores}} en el archivo: no se ha registrado nada",
    "usage.import.errorsByLine": "Errores por línea",
    "usage.import.line": "Línea {line}:",
    "usage.import.preview": "Antes de importar",
    "usage.import.preview.rows":
      "{rows, plural, one {# punto de datos} other {# puntos de datos}} en el archivo",
    "usage.import.preview.billable":
      "{billable, plural, one {# facturable: cuenta} other {# facturables: cuentan}} para el contrato",
    "usage.import.preview.notBillable":
      "{notBillable, plural, one {# no facturable: nunca cuenta} other {# no facturables: nunca cuentan}}",
    "usage.import.preview.leftAfter":
      "Quedarán {leftAfter, number} DP en el contrato tras la importación (ahora {left, number})",
    "usage.import.preview.short":
      "No quedan suficientes puntos de datos: el contrato tiene {left, number} y este archivo necesita {billable, number}. Importa menos puntos de datos facturables o solicita antes más puntos de datos.",
    "usage.import.preview.again":
      "Los puntos de datos que la cuenta ya tiene registrados no vuelven a contar.",
    "usage.import.submit": "Importar puntos de datos",
    "usage.import.registered":
      "{count, plural, one {# punto de datos registrado} other {# puntos de datos registrados}}",
    "usage.import.counted":
      "{billable, number} de {count, number} {billable, plural, one {cuenta} other {cuentan}} para el contrato.",
    "usage.import.again":
      "{again, plural, one {# ya estaba registrado y no ha vuelto a contar} other {# ya estaban registrados y no han vuelto a contar}}.",
    "usage.import.left": "Quedan {left, number} DP.",
    "usage.import.quotaTitle": "No quedan suficientes puntos de datos: no se ha registrado nada",
    "usage.import.quotaText":
      "A la cuenta le {left, plural, one {queda # punto de datos} other {quedan # puntos de datos}}. Importa menos puntos de datos facturables o solicita antes más puntos de datos.",
    "usage.import.quotaTextNeeded":
      "A la cuenta le {left, plural, one {queda # punto de datos} other {quedan # puntos de datos}} y esta importación necesita {needed, number}. Importa menos puntos de datos facturables o solicita antes más puntos de datos.",
    "usage.import.expiredTitle": "La cuenta ha caducado: no se ha registrado nada",
    "usage.import.expiredText":
      "Una cuenta caducada no acepta nuevos puntos de datos. Renueva antes su suscripción.",
    "usage.import.refusedTitle": "Se ha rechazado la importación: no se ha registrado nada",

    "usage.csv.empty": "El archivo está vacío: empieza con {columns}",
    "usage.csv.missingColumns":
      "La cabecera debe nombrar las columnas {columns}; faltan: {missing}",
    "usage.csv.noRows": "No hay puntos de datos bajo la cabecera",
    "usage.csv.tooMany":
      "Como máximo {max, number} puntos de datos por importación: divide el archivo",
    "usage.csv.fieldCount":
      "Se esperaban {expected, plural, one {# campo} other {# campos}} y hay {found, number}",
  },
);
