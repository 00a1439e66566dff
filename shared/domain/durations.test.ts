import { describe, expect, it } from "vitest";
import { durationMs, toIsoDuration } from "./durations.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("durations to move the test clock by", () => {
  it.each([
    ["P3D", 3 * DAY],
    ["PT2H", 2 * HOUR],
    ["P1DT2H30M", DAY + 2.5 * HOUR],
    ["P2W", 14 * DAY],
    ["PT90M", 1.5 * HOUR],
    ["PT45S", 45_000],
    ["P0D", 0],
  ])("reads %s as an exact length", (iso, ms) => {
    expect(durationMs(iso)).toBe(ms);
  });

  it.each(["P1M", "P1Y", "P", "PT", "P1.5D", "3 days", "P-1D", "p3d", ""])(
    "refuses %j, which is not an exact ISO 8601 duration",
    (iso) => {
      expect(durationMs(iso)).toBeNull();
    },
  );

  it("writes an offset back in days, hours, minutes and seconds", () => {
    expect(toIsoDuration(0)).toBe("PT0S");
    expect(toIsoDuration(3 * DAY)).toBe("P3D");
    expect(toIsoDuration(DAY + 2.5 * HOUR + 5_000)).toBe("P1DT2H30M5S");
    expect(toIsoDuration(2 * HOUR + 999)).toBe("PT2H");
  });
});
