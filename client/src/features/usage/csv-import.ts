/**
 * Reads a CSV of datapoints to register and checks every line with the API's own rules
 * (`datapointRegistration`), so that an import lists every fault, with its line, before anything
 * is sent.
 */

import { parseCsv } from "@shared/domain/csv.ts";
import {
  type DatapointToRegister,
  datapointRegistration,
  MAX_BATCH,
} from "@shared/domain/usage.ts";
import type { Translate } from "../../lib/i18n.tsx";

export const CSV_COLUMNS = ["external_id", "name", "device_name", "kind"] as const;
const FIELD_OF_COLUMN = {
  external_id: "externalId",
  name: "name",
  device_name: "deviceName",
  kind: "kind",
} as const;
const COLUMN_OF_FIELD: Record<string, string> = {
  externalId: "external_id",
  name: "name",
  deviceName: "device_name",
  kind: "kind",
};

export interface CsvLineError {
  /** 1-based line of the file; 1 is the header. */
  line: number;
  message: string;
}

type CsvImportCheck =
  | { ok: true; datapoints: DatapointToRegister[] }
  | { ok: false; errors: CsvLineError[] };

/** `t` writes the import's own messages; the rules' messages come from `datapointRegistration`. */
export function checkDatapointsCsv(text: string, t: Translate): CsvImportCheck {
  const { records, errors: syntax } = parseCsv(text);
  const errors: CsvLineError[] = [...syntax];
  const [header, ...rows] = records;
  if (!header) {
    return {
      ok: false,
      errors: [{ line: 1, message: t("usage.csv.empty", { columns: CSV_COLUMNS.join(",") }) }],
    };
  }
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [
        {
          line: header.line,
          message: t("usage.csv.missingColumns", {
            columns: CSV_COLUMNS.join(","),
            missing: missing.join(", "),
          }),
        },
      ],
    };
  }
  if (rows.length === 0) errors.push({ line: header.line, message: t("usage.csv.noRows") });
  if (rows.length > MAX_BATCH) {
    errors.push({
      line: (rows[MAX_BATCH] as { line: number }).line,
      message: t("usage.csv.tooMany", { max: MAX_BATCH }),
    });
  }

  const candidates = rows.map((row) => {
    if (row.fields.length !== columns.length) {
      errors.push({
        line: row.line,
        message: t("usage.csv.fieldCount", {
          expected: columns.length,
          found: row.fields.length,
        }),
      });
    }
    const candidate: Record<string, string | undefined> = {};
    for (const column of CSV_COLUMNS) {
      const value = row.fields[columns.indexOf(column)];
      candidate[FIELD_OF_COLUMN[column]] = value === undefined ? undefined : value.trim();
    }
    return candidate;
  });

  const checked = datapointRegistration.safeParse({ datapoints: candidates });
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const [, index, field] = issue.path;
      if (typeof index !== "number") continue; // the batch size, reported above
      const row = rows[index];
      if (!row) continue;
      const column = typeof field === "string" ? COLUMN_OF_FIELD[field] : undefined;
      errors.push({
        line: row.line,
        message: column ? `${column}: ${issue.message}` : issue.message,
      });
    }
  }
  if (errors.length > 0 || !checked.success) {
    return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  }
  return { ok: true, datapoints: checked.data.datapoints };
}
