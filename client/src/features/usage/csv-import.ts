/**
 * The CSV import in the user's language: the file is checked with the domain's rules (kinds read
 * from their codes or the labels the app shows), and the template to start from is written with the
 * separator the user's spreadsheet expects.
 */

import { type CsvSeparator, writeCsv } from "@shared/domain/csv.ts";
import { CSV_COLUMNS, checkDatapointsCsv as checkCsv } from "@shared/domain/datapoints-csv.ts";
import type { Language } from "@shared/domain/languages.ts";
import { datapointKindLabel, readDatapointKind } from "../../lib/datapoint-kinds.ts";
import type { Translate } from "../../lib/i18n.tsx";

export type { CsvLineError } from "@shared/domain/datapoints-csv.ts";
export { CSV_COLUMNS };

/** `t` writes the import's own messages; the rules' messages come from `datapointRegistration`. */
export function checkDatapointsCsv(text: string, t: Translate) {
  return checkCsv(text, { t, readKind: readDatapointKind });
}

/** Spreadsheets in Spanish write CSV with semicolons (the comma is their decimal mark). */
export const csvSeparatorOf = (language: Language): CsvSeparator => (language === "es" ? ";" : ",");

/** The header and two example lines, one billable and one not, in the user's words and separator. */
export function datapointsCsvTemplate(t: Translate, language: Language): string {
  return writeCsv(
    [
      CSV_COLUMNS,
      [
        "pt-0001",
        t("usage.import.sample.meterName"),
        t("usage.import.sample.meterDevice"),
        datapointKindLabel(t, "meter"),
      ],
      [
        "pt-0002",
        t("usage.import.sample.degreeDaysName"),
        t("usage.import.sample.degreeDaysDevice"),
        datapointKindLabel(t, "degree_days"),
      ],
    ],
    csvSeparatorOf(language),
  );
}
