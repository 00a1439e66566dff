import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES } from "../../shared/domain/applications.ts";
import { applications } from "./schema/index.ts";
import { isWritten, writtenDate, writtenLimit } from "./written.ts";

describe("a value written into a statement", () => {
  it("is only ever a count of rows, a known status or kind, or a calendar date", () => {
    expect(() => writtenLimit(51)).not.toThrow();
    expect(() => writtenLimit(-1)).toThrow(RangeError);
    expect(() => writtenLimit(1.5)).toThrow(RangeError);
    expect(() => writtenLimit(Number.NaN)).toThrow(RangeError);
    expect(() => isWritten(applications.status, "pending", APPLICATION_STATUSES)).not.toThrow();
    const typed = "pending' or true --" as (typeof APPLICATION_STATUSES)[number];
    expect(() => isWritten(applications.status, typed, APPLICATION_STATUSES)).toThrow(RangeError);
    expect(() => writtenDate("2026-03-15")).not.toThrow();
    expect(() => writtenDate("2026-03-15'::date or true --")).toThrow(RangeError);
    expect(() => writtenDate("2026-02-30")).toThrow(RangeError);
  });
});
