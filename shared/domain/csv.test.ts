import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv.ts";

describe("reading a CSV file", () => {
  it("splits records and fields, each record with the line it starts on", () => {
    expect(parseCsv("external_id,name\ndp-1,Main meter\ndp-2,HVAC\n")).toEqual({
      records: [
        { line: 1, fields: ["external_id", "name"] },
        { line: 2, fields: ["dp-1", "Main meter"] },
        { line: 3, fields: ["dp-2", "HVAC"] },
      ],
      errors: [],
    });
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, and counts lines past them", () => {
    const { records, errors } = parseCsv('a,"b, with comma"\n"say ""hi""","two\nlines"\nlast,row');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ["a", "b, with comma"] },
      { line: 2, fields: ['say "hi"', "two\nlines"] },
      { line: 4, fields: ["last", "row"] },
    ]);
  });

  it("accepts Windows line ends, a byte-order mark and a missing final line break", () => {
    expect(parseCsv("\uFEFFx,y\r\n1,2").records).toEqual([
      { line: 1, fields: ["x", "y"] },
      { line: 2, fields: ["1", "2"] },
    ]);
  });

  it("skips blank lines but keeps the numbering of the lines after them", () => {
    expect(parseCsv("a\n\nb\n").records).toEqual([
      { line: 1, fields: ["a"] },
      { line: 3, fields: ["b"] },
    ]);
  });

  it("keeps empty fields", () => {
    expect(parseCsv("a,,c\n,").records).toEqual([
      { line: 1, fields: ["a", "", "c"] },
      { line: 2, fields: ["", ""] },
    ]);
  });

  it("names the line of malformed quoting", () => {
    expect(parseCsv('ok\nab"c').errors).toEqual([
      { line: 2, message: "A quote inside an unquoted field: quote the whole field" },
    ]);
    expect(parseCsv('"ab"c').errors).toEqual([
      { line: 1, message: "Text after a closing quote: quote the whole field" },
    ]);
    expect(parseCsv('a\n"never closed\nmore').errors).toEqual([
      { line: 2, message: "A quoted field is never closed" },
    ]);
  });
});
