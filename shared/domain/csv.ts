/**
 * A small RFC 4180 CSV reader and writer: fields separated by commas, or by semicolons as
 * spreadsheets write CSV where the comma is the decimal mark (Spanish Excel), optionally in double
 * quotes, where a quoted field may hold the separator, line breaks and doubled quotes (""). Each
 * record keeps the line it starts on, so that errors can name it.
 */

export type CsvSeparator = "," | ";";

interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

interface CsvParse {
  records: CsvRecord[];
  /** Malformed quoting, with the line it was found on. */
  errors: { line: number; message: string }[];
  separator: CsvSeparator;
}

const withoutByteOrderMark = (text: string) => (text.startsWith("\uFEFF") ? text.slice(1) : text);

/**
 * The separator the first record (the header) uses: semicolons if it has more of them than commas
 * outside quotes, commas otherwise (and for a header of one column).
 */
export function detectSeparator(text: string): CsvSeparator {
  const source = withoutByteOrderMark(text);
  let quoted = false;
  let started = false;
  let commas = 0;
  let semicolons = 0;
  for (const char of source) {
    if (char === "\n" || char === "\r") {
      // The header ends at its first line break outside quotes; blank lines before it are skipped.
      if (started && !quoted) break;
      continue;
    }
    started = true;
    if (char === '"')
      quoted = !quoted; // a doubled quote flips twice: still inside
    else if (quoted) continue;
    else if (char === ",") commas++;
    else if (char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/** Reads `text`, its fields separated by `separator` or, by default, by the header's separator. */
export function parseCsv(text: string, separator: CsvSeparator = detectSeparator(text)): CsvParse {
  const records: CsvRecord[] = [];
  const errors: CsvParse["errors"] = [];
  const source = withoutByteOrderMark(text);
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;

  const endField = () => {
    fields.push(field);
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    // Blank lines are skipped, not records of one empty field.
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (char === "\n") line++;
        field += char;
      }
      continue;
    }
    if (char === '"') {
      if (field === "" && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else {
        errors.push({ line, message: "A quote inside an unquoted field: quote the whole field" });
        field += char;
      }
    } else if (char === separator) {
      endField();
    } else if (char === "\r" || char === "\n") {
      if (char === "\r" && source[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (wasQuoted) {
      errors.push({ line, message: "Text after a closing quote: quote the whole field" });
      wasQuoted = false;
      field += char;
    } else {
      field += char;
    }
  }
  if (quoted) errors.push({ line: recordLine, message: "A quoted field is never closed" });
  if (field !== "" || fields.length > 0 || wasQuoted) endRecord();
  return { records, errors, separator };
}

/**
 * Writes records as CSV with `separator` and Windows line ends (what spreadsheets expect), quoting
 * only the fields that hold the separator, a quote, a line break or surrounding spaces.
 */
export function writeCsv(records: readonly (readonly string[])[], separator: CsvSeparator): string {
  const needsQuotes = new RegExp(`[${separator}"\\r\\n]|^\\s|\\s$`);
  const field = (value: string) =>
    needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  return records.map((record) => `${record.map(field).join(separator)}\r\n`).join("");
}
