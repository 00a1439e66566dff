/** Words every screen uses alike: buttons, states, counts. */
import { defineMessages } from "../define.ts";

export const common = defineMessages(
  {
    "common.close": "Close",
    "common.cancel": "Cancel",
    "common.save": "Save",
    "common.tryAgain": "Try again",
    "common.back": "Back",
    "common.search": "Search",
    "common.loading": "Loading…",
    "common.actions": "Actions",
    "common.days": "{count, plural, one {# day} other {# days}}",
    "common.none": "None",
    "common.downloadCsv": "Download CSV",
    "common.downloadCsvOf": "Download {what} as a CSV file",
  },
  {
    "common.close": "Cerrar",
    "common.cancel": "Cancelar",
    "common.save": "Guardar",
    "common.tryAgain": "Reintentar",
    "common.back": "Volver",
    "common.search": "Buscar",
    "common.loading": "Cargando…",
    "common.actions": "Acciones",
    "common.days": "{count, plural, one {# día} other {# días}}",
    "common.none": "Ninguno",
    "common.downloadCsv": "Descargar CSV",
    "common.downloadCsvOf": "Descargar {what} como archivo CSV",
  },
);
