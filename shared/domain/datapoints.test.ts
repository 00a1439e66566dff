import { describe, expect, it } from "vitest";
import { catalogue } from "../i18n/catalogue.ts";
import { DATAPOINT_KINDS, datapointKindReader } from "./datapoints.ts";

describe("reading a kind of datapoint as people write it", () => {
  const readKind = datapointKindReader([
    ["Meter", "meter"],
    ["Manual readings", "manual_readings"],
    ["Contador", "meter"],
    ["Meteorología", "weather"],
    ["Grados-día", "degree_days"],
  ]);

  it("reads every code", () => {
    for (const kind of DATAPOINT_KINDS) expect(readKind(kind)).toBe(kind);
  });

  it("reads the labels, whatever the case, accents, spaces, dashes and underscores", () => {
    expect(readKind("Meter")).toBe("meter");
    expect(readKind("  METER ")).toBe("meter");
    expect(readKind("manual readings")).toBe("manual_readings");
    expect(readKind("Manual_Readings")).toBe("manual_readings");
    expect(readKind("contador")).toBe("meter");
    expect(readKind("Meteorologia")).toBe("weather");
    expect(readKind("METEOROLOGÍA")).toBe("weather");
    expect(readKind("grados dia")).toBe("degree_days");
    expect(readKind("Degree days")).toBe("degree_days");
  });

  it("knows nothing else", () => {
    expect(readKind("Thermometer")).toBeUndefined();
    expect(readKind("")).toBeUndefined();
  });

  it("reads every label the web app shows, in English and Spanish, as its own kind", () => {
    const labels = (["en", "es"] as const).flatMap((language) =>
      DATAPOINT_KINDS.map(
        (kind) => [catalogue[language][`app.datapointKind.${kind}`], kind] as const,
      ),
    );
    const readShown = datapointKindReader(labels);
    for (const [label, kind] of labels) expect(readShown(label), label).toBe(kind);
  });
});
