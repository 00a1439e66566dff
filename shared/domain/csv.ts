/**
 * A small RFC 4180 CSV reader: comma-separated fields, optionally in double quotes, where a quoted
 * field may hold commas, line breaks and doubled quotes (""). Each record keeps the line it starts
 * on, so that errors can name it.
 */
interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

interface CsvParse {
  records: CsvRecord[];
  /** Malformed quoting, with the line it was found on. */
  errors: { line: number; message: string }[];
}

export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  const errors: CsvParse["errors"] = [];
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
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
    } else if (char === ",") {
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
  return { records, errors };
}
