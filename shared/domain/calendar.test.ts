import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  dateIn,
  daysBetween,
  isCalendarDate,
  isValidTimeZone,
} from "./calendar.ts";

describe("calendar dates", () => {
  it.each([
    ["2026-01-15", 1, "2026-02-15"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2028-02-29", 12, "2029-02-28"],
    ["2026-12-31", 2, "2027-02-28"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-05-10", 60, "2031-05-10"],
  ])("%s plus %i months is %s", (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("counts whole days between dates in either direction", () => {
    expect(daysBetween("2026-01-01", "2026-12-31")).toBe(364);
    expect(daysBetween("2026-03-10", "2026-03-01")).toBe(-9);
    // Daylight-saving changes do not bend whole days.
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });

  it("tells the date of an instant in the partner's time zone", () => {
    const lateEvening = new Date("2026-06-30T22:30:00Z");
    expect(dateIn("UTC", lateEvening)).toBe("2026-06-30");
    expect(dateIn("Europe/Madrid", lateEvening)).toBe("2026-07-01");
    expect(dateIn("America/New_York", new Date("2026-07-01T03:00:00Z"))).toBe("2026-06-30");
  });

  it("tells each instant's own date when asked in turn in one time zone", () => {
    const instants = ["2026-06-30T21:59:59Z", "2026-06-30T22:00:00Z", "2026-06-30T21:59:59Z"];
    expect(instants.map((at) => dateIn("Europe/Madrid", new Date(at)))).toEqual([
      "2026-06-30",
      "2026-07-01",
      "2026-06-30",
    ]);
    expect(() => dateIn("Europe/Madrid", new Date(Number.NaN))).toThrow(RangeError);
  });

  it("recognises real calendar dates and time zones only", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2026-02-30")).toBe(false);
    expect(isCalendarDate("26-2-1")).toBe(false);
    expect(isValidTimeZone("Europe/Madrid")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
