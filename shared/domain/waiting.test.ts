import { describe, expect, it } from "vitest";
import { waitingFor, waitingUrgency } from "./waiting.ts";

const HOUR = 3600;
const DAY = 24 * HOUR;

describe("how long an application has waited", () => {
  it.each([
    [0, { unit: "minutes", count: 0 }],
    [59 * 60 + 59, { unit: "minutes", count: 59 }],
    [HOUR, { unit: "hours", count: 1 }],
    [2 * HOUR + 1800, { unit: "hours", count: 2 }],
    [2 * DAY - 1, { unit: "hours", count: 47 }],
    [2 * DAY, { unit: "days", count: 2 }],
    [3 * DAY + 23 * HOUR, { unit: "days", count: 3 }],
    [-30, { unit: "minutes", count: 0 }],
  ])("reads %i seconds as %o", (seconds, expected) => {
    expect(waitingFor(seconds)).toEqual(expected);
  });

  it("is late from two days and overdue from a week", () => {
    expect(waitingUrgency(2 * DAY - 1)).toBe("fresh");
    expect(waitingUrgency(2 * DAY)).toBe("late");
    expect(waitingUrgency(7 * DAY - 1)).toBe("late");
    expect(waitingUrgency(7 * DAY)).toBe("overdue");
  });
});
