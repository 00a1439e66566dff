import { describe, expect, it } from "vitest";
import { CATALOGUE_CODE_PATTERN, codeFromName, namesOf } from "./catalogue.ts";

describe("a catalogue entry's code", () => {
  it("is derived from the name as lower-case ASCII words joined by hyphens", () => {
    expect(codeFromName("Professional Plus")).toBe("professional-plus");
    expect(codeFromName("  Energía   Básica (2026) ")).toBe("energia-basica-2026");
    expect(codeFromName("Water & utilities")).toBe("water-utilities");
  });

  it("always matches the code pattern, or is empty when the name has no Latin letter or digit", () => {
    for (const name of ["Pro", "a--b", "Ünïcödé", "x".repeat(80), "Über-Lizenz 3000 +++"]) {
      expect(codeFromName(name)).toMatch(CATALOGUE_CODE_PATTERN);
    }
    expect(codeFromName("電力")).toBe("");
    expect(codeFromName("--")).toBe("");
  });

  it("is at most 40 characters and never ends in a hyphen", () => {
    const code = codeFromName(`${"a".repeat(39)} b`);
    expect(code).toBe("a".repeat(39));
  });
});

describe("names of catalogue entries", () => {
  const entries = [
    { key: "starter", name: "Starter", active: true },
    { key: "legacy", name: "Legacy", active: false },
  ];

  it("offers only the entries that are not retired", () => {
    const offered = namesOf(entries, "offered");
    expect(offered("starter")).toBe("Starter");
    expect(offered("legacy")).toBeUndefined();
  });

  it("still names a retired entry where it appears", () => {
    expect(namesOf(entries, "all")("legacy")).toBe("Legacy");
    expect(namesOf(entries, "all")("unknown")).toBeUndefined();
  });
});
