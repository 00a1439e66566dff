import { describe, expect, it } from "vitest";
import { draftKey, parseDraft, sameValues, serializeDraft } from "./new-account-draft.ts";
import { blankNewAccount, withRtcLinesOffered } from "./new-account-values.ts";

const blank = blankNewAccount("ES");

describe("the create form's draft", () => {
  it("is kept under the signed-in user's own key", () => {
    expect(draftKey("user-1")).not.toBe(draftKey("user-2"));
    expect(draftKey("user-1")).toContain("user-1");
  });

  it("comes back as it was typed, half-typed numbers included", () => {
    const typed = {
      ...blank,
      name: "Gijón Harbour Warehouse",
      sectorCode: "logistics",
      datapoints: "",
      rtcLines: 3,
      comment: "Meters installed on Monday",
    };
    expect(parseDraft(serializeDraft(typed), blank)).toEqual(typed);
  });

  it("reads nothing from an empty, broken or foreign entry", () => {
    expect(parseDraft(null, blank)).toBeNull();
    expect(parseDraft("{not json", blank)).toBeNull();
    expect(parseDraft('"a string"', blank)).toBeNull();
    expect(parseDraft(JSON.stringify({ version: 99, values: { name: "x" } }), blank)).toBeNull();
  });

  it("keeps the blank form's value for a field it lacks or cannot hold", () => {
    const stored = JSON.stringify({
      version: 1,
      values: { name: 42, customerName: "Puerto de Gijón", datapoints: { many: true }, extra: 1 },
    });
    expect(parseDraft(stored, blank)).toEqual({ ...blank, customerName: "Puerto de Gijón" });
  });

  it("drops RTC lines of a draft outside Spain", () => {
    const abroad = { ...blank, country: "FR", rtcLines: 2 };
    expect(parseDraft(serializeDraft(abroad), blank)?.rtcLines).toBe(0);
  });

  it("tells a form still blank from one with something typed", () => {
    expect(sameValues(blankNewAccount("ES"), blank)).toBe(true);
    expect(sameValues({ ...blank, name: "A" }, blank)).toBe(false);
    expect(sameValues(blankNewAccount("GB"), blank)).toBe(false);
  });
});

describe("RTC lines in the create form", () => {
  it("are kept in Spain and reset to 0 elsewhere or without a country", () => {
    expect(withRtcLinesOffered({ ...blank, rtcLines: 4 }).rtcLines).toBe(4);
    expect(withRtcLinesOffered({ ...blank, country: "PT", rtcLines: 4 }).rtcLines).toBe(0);
    expect(withRtcLinesOffered({ ...blank, country: null, rtcLines: "4" }).rtcLines).toBe(0);
  });
});
