/** The licence catalogue (Customer Success): licences, Bill Management licence types and sectors. */
import { defineMessages } from "../define.ts";

export const catalogue = defineMessages(
  {
    "catalogue.page.title": "Licence catalogue",
    "catalogue.page.description":
      "What new accounts and licence changes can choose. A retired entry stays on the accounts that have it.",
    "catalogue.licences.title": "Licences",
    "catalogue.licences.add": "Add licence",
    "catalogue.licences.addTitle": "Add a licence",
    "catalogue.licences.empty": "None yet: add the first licence.",
    "catalogue.licences.retire": "Retire licence",
    "catalogue.licences.codeStays":
      "Code <b>{code}</b> stays: accounts and integrations know the licence by it.",
    "catalogue.billManagementTypes.title": "Bill Management licence types",
    "catalogue.billManagementTypes.add": "Add Bill Management licence type",
    "catalogue.billManagementTypes.addTitle": "Add a Bill Management licence type",
    "catalogue.billManagementTypes.empty": "None yet: add the first Bill Management licence type.",
    "catalogue.billManagementTypes.retire": "Retire Bill Management licence type",
    "catalogue.billManagementTypes.codeStays":
      "Code <b>{code}</b> stays: accounts and integrations know the Bill Management licence type by it.",
    "catalogue.sectors.title": "Sectors",
    "catalogue.sectors.add": "Add sector",
    "catalogue.sectors.addTitle": "Add a sector",
    "catalogue.sectors.empty": "None yet: add the first sector.",
    "catalogue.sectors.retire": "Retire sector",
    "catalogue.sectors.codeStays":
      "Code <b>{code}</b> stays: accounts and integrations know the sector by it.",
    "catalogue.entry.name": "Name",
    "catalogue.entry.code": "Code",
    "catalogue.entry.codeDescription": "Lower-case letters, digits and hyphens; it never changes",
    "catalogue.entry.codePlaceholder": "e.g. professional-plus",
    "catalogue.entry.description": "Description",
    "catalogue.entry.renameTitle": "Rename {name}",
    "catalogue.entry.saved": "{name} saved (code {code}).",
    "catalogue.table.accounts": "Accounts",
    "catalogue.table.accountCount": "{count, plural, one {# account} other {# accounts}}",
    "catalogue.table.retired": "Retired",
    "catalogue.table.actionsFor": "Actions for {name}",
    "catalogue.table.rename": "Rename",
    "catalogue.table.retire": "Retire",
    "catalogue.table.offerAgain": "Offer again",
    "catalogue.retire.done":
      "{name} is retired: it stays on its accounts but is no longer offered.",
    "catalogue.retire.undone": "{name} is offered again.",
    "catalogue.retire.title": "Retire {name}?",
    "catalogue.retire.accountsKeepIt":
      "{count, plural, one {The # account that has it keeps it, and its history keeps its name.} other {The # accounts that have it keep it, and their history keeps its name.}}",
    "catalogue.retire.consequence":
      "New applications and licence changes can no longer choose it. You can offer it again later.",
  },
  {
    "catalogue.page.title": "Catálogo de licencias",
    "catalogue.page.description":
      "Lo que pueden elegir las cuentas nuevas y los cambios de licencia. Una entrada dada de baja sigue en las cuentas que ya la tienen.",
    "catalogue.licences.title": "Licencias",
    "catalogue.licences.add": "Añadir licencia",
    "catalogue.licences.addTitle": "Añadir una licencia",
    "catalogue.licences.empty": "Aún no hay ninguna: añade la primera licencia.",
    "catalogue.licences.retire": "Dar de baja la licencia",
    "catalogue.licences.codeStays":
      "El código <b>{code}</b> no cambia: las cuentas y las integraciones identifican la licencia por él.",
    "catalogue.billManagementTypes.title": "Tipos de licencia Bill Management",
    "catalogue.billManagementTypes.add": "Añadir tipo de licencia Bill Management",
    "catalogue.billManagementTypes.addTitle": "Añadir un tipo de licencia Bill Management",
    "catalogue.billManagementTypes.empty":
      "Aún no hay ninguno: añade el primer tipo de licencia Bill Management.",
    "catalogue.billManagementTypes.retire": "Dar de baja el tipo de licencia Bill Management",
    "catalogue.billManagementTypes.codeStays":
      "El código <b>{code}</b> no cambia: las cuentas y las integraciones identifican el tipo de licencia Bill Management por él.",
    "catalogue.sectors.title": "Sectores",
    "catalogue.sectors.add": "Añadir sector",
    "catalogue.sectors.addTitle": "Añadir un sector",
    "catalogue.sectors.empty": "Aún no hay ninguno: añade el primer sector.",
    "catalogue.sectors.retire": "Dar de baja el sector",
    "catalogue.sectors.codeStays":
      "El código <b>{code}</b> no cambia: las cuentas y las integraciones identifican el sector por él.",
    "catalogue.entry.name": "Nombre",
    "catalogue.entry.code": "Código",
    "catalogue.entry.codeDescription": "Letras minúsculas, dígitos y guiones; nunca cambia",
    "catalogue.entry.codePlaceholder": "p. ej. profesional-plus",
    "catalogue.entry.description": "Descripción",
    "catalogue.entry.renameTitle": "Cambiar el nombre de {name}",
    "catalogue.entry.saved": "Se ha guardado {name} (código {code}).",
    "catalogue.table.accounts": "Cuentas",
    "catalogue.table.accountCount": "{count, plural, one {# cuenta} other {# cuentas}}",
    "catalogue.table.retired": "De baja",
    "catalogue.table.actionsFor": "Acciones de {name}",
    "catalogue.table.rename": "Cambiar nombre",
    "catalogue.table.retire": "Dar de baja",
    "catalogue.table.offerAgain": "Volver a ofrecer",
    "catalogue.retire.done":
      "{name} se ha dado de baja: sigue en sus cuentas, pero ya no se ofrece.",
    "catalogue.retire.undone": "{name} vuelve a ofrecerse.",
    "catalogue.retire.title": "¿Dar de baja {name}?",
    "catalogue.retire.accountsKeepIt":
      "{count, plural, one {Sigue en la cuenta donde ya está, y su historial conserva el nombre.} other {Sigue en las # cuentas donde ya está, y su historial conserva el nombre.}}",
    "catalogue.retire.consequence":
      "Ya no se podrá elegir en nuevas solicitudes ni en cambios de licencia. Puedes deshacerlo más adelante con «Volver a ofrecer».",
  },
);
