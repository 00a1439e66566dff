import { describe, expect, it } from "vitest";
import {
  accountStatus,
  datapointsLeft,
  datapointsUsage,
  daysLeft,
  rtcLinesAllowed,
  termFrom,
} from "./accounts.ts";

describe("an account's term", () => {
  it("is active until the day before its end date and expired from the start of that day", () => {
    expect(accountStatus("2026-12-01", "2026-11-30")).toBe("active");
    expect(accountStatus("2026-12-01", "2026-12-01")).toBe("expired");
    expect(accountStatus("2026-12-01", "2027-01-15")).toBe("expired");
  });

  it("counts the days left down to zero on the day it expires, then below", () => {
    expect(daysLeft("2026-12-01", "2026-11-01")).toBe(30);
    expect(daysLeft("2026-12-01", "2026-12-01")).toBe(0);
    expect(daysLeft("2026-12-01", "2026-12-08")).toBe(-7);
  });

  it("starts on the day of approval and lasts the months requested", () => {
    expect(termFrom("2026-03-15", 12)).toEqual({ startsOn: "2026-03-15", endsOn: "2027-03-15" });
    expect(termFrom("2027-08-31", 6)).toEqual({ startsOn: "2027-08-31", endsOn: "2028-02-29" });
  });
});

describe("datapoints", () => {
  it("leaves what is contracted minus what is used, never less than nothing", () => {
    expect(datapointsLeft({ contracted: 100, used: 40 })).toBe(60);
    expect(datapointsLeft({ contracted: 100, used: 100 })).toBe(0);
    expect(datapointsLeft({ contracted: 20, used: 25 })).toBe(0);
  });

  it("measures how full the contract is", () => {
    expect(datapointsUsage({ contracted: 200, used: 160 })).toBe(0.8);
    expect(datapointsUsage({ contracted: 0, used: 0 })).toBe(1);
  });

  it("offers RTC lines only in Spain", () => {
    expect(rtcLinesAllowed("ES")).toBe(true);
    expect(rtcLinesAllowed("es")).toBe(true);
    expect(rtcLinesAllowed("PT")).toBe(false);
  });
});
