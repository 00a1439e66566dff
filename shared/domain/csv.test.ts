import { describe, expect, it } from "vitest";
import { detectSeparator, parseCsv, writeCsv } from "./csv.ts";

describe("reading a CSV file", () => {
  it("splits records and fields, each record with the line it starts on", () => {
    expect(parseCsv("external_id,name\ndp-1,Main meter\ndp-2,HVAC\n")).toEqual({
      records: [
        { line: 1, fields: ["external_id", "name"] },
        { line: 2, fields: ["dp-1", "Main meter"] },
        { line: 3, fields: ["dp-2", "HVAC"] },
      ],
      errors: [],
      separator: ",",
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

describe("reading a CSV file separated by semicolons (Spanish Excel)", () => {
  it("takes the separator from the header line", () => {
    expect(detectSeparator("external_id;name;device_name;kind\r\npt-1;A, b;C;meter")).toBe(";");
    expect(detectSeparator("external_id,name,device_name,kind\npt-1;x,a;b,c,meter")).toBe(",");
    expect(detectSeparator("\uFEFF\n\na;b\n")).toBe(";");
    // A header of one column, or none, reads commas; the data's semicolons do not count.
    expect(detectSeparator("kind\na;b;c")).toBe(",");
    expect(detectSeparator("")).toBe(",");
  });

  it("does not count separators inside quotes, even across line breaks", () => {
    expect(detectSeparator('"a;b;c";d,e')).toBe(",");
    expect(detectSeparator('"x\n,,,,";y;z')).toBe(";");
    expect(detectSeparator('"say ""a,b""";c;d')).toBe(";");
  });

  it("splits on semicolons and keeps commas inside fields", () => {
    expect(parseCsv("external_id;name\r\ndp-1;Temperatura exterior, cubierta\r\n")).toEqual({
      records: [
        { line: 1, fields: ["external_id", "name"] },
        { line: 2, fields: ["dp-1", "Temperatura exterior, cubierta"] },
      ],
      errors: [],
      separator: ";",
    });
  });

  it("reads quoted fields that hold semicolons", () => {
    const { records, errors } = parseCsv('a;b\n"uno; dos";"say ""hi""; bye"\n');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["uno; dos", 'say "hi"; bye'] },
    ]);
  });

  it("reads with the separator it is given", () => {
    expect(parseCsv("a;b,c", ",").records).toEqual([{ line: 1, fields: ["a;b", "c"] }]);
  });
});

describe("writing a CSV file", () => {
  it("quotes only what needs it, with Windows line ends", () => {
    expect(
      writeCsv(
        [
          ["id", "name"],
          ["1", "Roof, north"],
          ["2", 'say "hi"'],
        ],
        ",",
      ),
    ).toBe('id,name\r\n1,"Roof, north"\r\n2,"say ""hi"""\r\n');
    expect(writeCsv([["1", "Roof, north", "a;b"]], ";")).toBe('1;Roof, north;"a;b"\r\n');
  });

  it("reads back what it wrote", () => {
    const records = [
      ["a", "b;c", "d,e"],
      ["two\nlines", " padded ", '"'],
    ];
    for (const separator of [",", ";"] as const) {
      expect(parseCsv(writeCsv(records, separator)).records.map((r) => r.fields)).toEqual(records);
    }
  });
});
