import { describe, expect, it } from "vitest";
import { datapointKindReader } from "./datapoints.ts";
import { checkDatapointsCsv, previewImport } from "./datapoints-csv.ts";

const readKind = datapointKindReader([
  ["Meter", "meter"],
  ["Manual readings", "manual_readings"],
  ["Contador", "meter"],
  ["Lecturas manuales", "manual_readings"],
  ["Grados-día", "degree_days"],
]);
// The import's own messages, as their keys and values, so that tests read what was said.
const t = (key: string, values?: Record<string, string | number>) =>
  values ? `${key} ${JSON.stringify(values)}` : key;
const check = (text: string) => checkDatapointsCsv(text, { t, readKind });

describe("checking a CSV of datapoints to import", () => {
  it("reads a file separated by semicolons, with kinds as the app names them in Spanish", () => {
    const result = check(
      [
        "external_id;name;device_name;kind",
        "pt-1;Energía activa, general;Contador principal;Contador",
        '"pt-2";"Lectura; mensual";Portería;lecturas MANUALES',
        "pt-3;Grados-día calefacción;Estación;grados dia",
      ].join("\r\n"),
    );
    expect(result).toEqual({
      ok: true,
      separator: ";",
      datapoints: [
        {
          externalId: "pt-1",
          name: "Energía activa, general",
          deviceName: "Contador principal",
          kind: "meter",
        },
        {
          externalId: "pt-2",
          name: "Lectura; mensual",
          deviceName: "Portería",
          kind: "manual_readings",
        },
        {
          externalId: "pt-3",
          name: "Grados-día calefacción",
          deviceName: "Estación",
          kind: "degree_days",
        },
      ],
    });
  });

  it("reads a comma file with codes and English labels", () => {
    const result = check(
      "external_id,name,device_name,kind\npt-1,A,B,meter\npt-2,C,D,Manual readings\npt-3,E,F,METER",
    );
    expect(result.ok && result.datapoints.map((d) => d.kind)).toEqual([
      "meter",
      "manual_readings",
      "meter",
    ]);
  });

  it("refuses a kind it does not know, naming its line", () => {
    const result = check(
      "external_id;name;device_name;kind\npt-1;A;B;Contador\npt-2;C;D;Termómetro\npt-3;E;F;",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.line)).toEqual([3, 4]);
    expect(result.errors[0]).toMatchObject({ column: "kind" });
    expect(result.errors[0]?.message).toMatch(/^Choose a kind: meter, /);
  });

  it("names the columns with the file's separator when one is missing", () => {
    const result = check("external_id;name;kind\npt-1;A;meter");
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          line: 1,
          message:
            'usage.csv.missingColumns {"columns":"external_id;name;device_name;kind","missing":"device_name"}',
        },
      ],
    });
  });

  it("counts the fields of each line with the header's separator", () => {
    const result = check("external_id;name;device_name;kind\npt-1,A,B,meter");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toEqual({
      line: 2,
      message: 'usage.csv.fieldCount {"expected":4,"found":1}',
    });
  });
});

describe("previewing what an import does to the contract", () => {
  it("counts billable and non-billable datapoints and what would be left", () => {
    const kinds = ["meter", "group", "manual_readings", "calculated", "weather"] as const;
    expect(
      previewImport(
        kinds.map((kind) => ({ kind })),
        10,
      ),
    ).toEqual({
      rows: 5,
      billable: 3,
      notBillable: 2,
      leftAfter: 7,
    });
    expect(previewImport([{ kind: "meter" }, { kind: "meter" }], 1).leftAfter).toBe(-1);
  });
});
