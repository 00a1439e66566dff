/**
 * A CSV of datapoints to register, as the web app imports it: every line is checked with the API's
 * own rules (`datapointRegistration`), so that an import lists every fault, with its line, before
 * anything is sent. Fields are separated by commas or semicolons (the header decides); a kind is
 * its code or a name people see for it, read by the `readKind` the caller gives.
 */
import { type CsvSeparator, parseCsv } from "./csv.ts";
import { type DatapointKind, isBillable } from "./datapoints.ts";
import { type DatapointToRegister, datapointRegistration, MAX_BATCH } from "./usage.ts";

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

/** The import's own messages, written by the caller in the reader's language. */
type CsvMessageKey =
  | "usage.csv.empty"
  | "usage.csv.missingColumns"
  | "usage.csv.noRows"
  | "usage.csv.tooMany"
  | "usage.csv.fieldCount";
type CsvTranslate = (key: CsvMessageKey, values?: Record<string, string | number>) => string;

export interface CsvLineError {
  /** 1-based line of the file; 1 is the header. */
  line: number;
  /** The CSV column a rule's message is about, shown before it. */
  column?: string;
  message: string;
}

type CsvImportCheck =
  | { ok: true; datapoints: DatapointToRegister[]; separator: CsvSeparator }
  | { ok: false; errors: CsvLineError[] };

interface CheckOptions {
  /** Writes the import's own messages; the rules' messages come from `datapointRegistration`. */
  t: CsvTranslate;
  /** A kind from its code or label; a kind it does not know is refused by the rules, by line. */
  readKind: (text: string) => DatapointKind | undefined;
}

export function checkDatapointsCsv(text: string, { t, readKind }: CheckOptions): CsvImportCheck {
  const { records, errors: syntax, separator } = parseCsv(text);
  const errors: CsvLineError[] = [...syntax];
  const [header, ...rows] = records;
  const columnList = CSV_COLUMNS.join(separator);
  if (!header) {
    return {
      ok: false,
      errors: [{ line: 1, message: t("usage.csv.empty", { columns: columnList }) }],
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
            columns: columnList,
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
      const value = row.fields[columns.indexOf(column)]?.trim();
      candidate[FIELD_OF_COLUMN[column]] =
        column === "kind" && value !== undefined ? (readKind(value) ?? value) : value;
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
      errors.push({ line: row.line, ...(column ? { column } : {}), message: issue.message });
    }
  }
  if (errors.length > 0 || !checked.success) {
    return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  }
  return { ok: true, datapoints: checked.data.datapoints, separator };
}

/** What an import would do to the contract, before it is sent. */
export interface ImportPreview {
  rows: number;
  /** Count toward the contract. */
  billable: number;
  notBillable: number;
  /** Datapoints left on the contract after the import; below zero, the import is refused whole. */
  leftAfter: number;
}

/**
 * `left` is what the contract has left now. External ids the account registered already do not count
 * again, so the import may leave more than this says, never less.
 */
export function previewImport(
  datapoints: readonly Pick<DatapointToRegister, "kind">[],
  left: number,
): ImportPreview {
  const billable = datapoints.filter((datapoint) => isBillable(datapoint.kind)).length;
  return {
    rows: datapoints.length,
    billable,
    notBillable: datapoints.length - billable,
    leftAfter: left - billable,
  };
}
