import { describe, expect, it } from "vitest";
import { historyPeriods, periodCount } from "./usage-history.ts";

describe("the periods of a usage history", () => {
  it("are the days from the first to the last, both included", () => {
    expect(historyPeriods("2026-02-27", "2026-03-01", "day").map((p) => p.start)).toEqual([
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
    ]);
  });

  it("are whole weeks from Monday to Sunday, even when the range starts midweek", () => {
    expect(historyPeriods("2026-03-04", "2026-03-16", "week")).toEqual([
      { start: "2026-03-02", next: "2026-03-09" },
      { start: "2026-03-09", next: "2026-03-16" },
      { start: "2026-03-16", next: "2026-03-23" },
    ]);
  });

  it("are calendar months, across the end of a year", () => {
    expect(historyPeriods("2025-11-15", "2026-01-02", "month")).toEqual([
      { start: "2025-11-01", next: "2025-12-01" },
      { start: "2025-12-01", next: "2026-01-01" },
      { start: "2026-01-01", next: "2026-02-01" },
    ]);
  });

  it("are counted without being listed, as listing them would give", () => {
    for (const [from, to] of [
      ["2024-02-29", "2026-03-01"],
      ["2026-03-04", "2026-03-16"],
      ["2026-03-08", "2026-03-09"],
    ] as const) {
      for (const interval of ["day", "week", "month"] as const) {
        expect(periodCount(from, to, interval)).toBe(historyPeriods(from, to, interval).length);
      }
    }
  });
});
