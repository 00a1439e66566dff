import { describe, expect, it } from "vitest";
import { isIanaTimeZone, partnerStatus, timeZoneChoices } from "./partners.ts";

describe("a partner's time zone", () => {
  it("is an IANA zone spelt as the database spells it", () => {
    expect(isIanaTimeZone("Europe/Madrid")).toBe(true);
    expect(isIanaTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isIanaTimeZone("UTC")).toBe(true);
    expect(isIanaTimeZone("Etc/GMT-14")).toBe(true);
    // The runtime calls it Asia/Calcutta; browsers with newer data list the current name.
    expect(isIanaTimeZone("Asia/Kolkata")).toBe(true);
  });

  it("is not an offset, another spelling or an invented zone", () => {
    for (const zone of [
      "+01:00",
      "-05:00",
      "europe/madrid",
      "EUROPE/MADRID",
      "Mars/Olympus",
      "",
      " UTC",
    ]) {
      expect(isIanaTimeZone(zone), zone).toBe(false);
    }
  });

  it("is chosen from a list that starts with UTC and whose every entry is accepted", () => {
    const choices = timeZoneChoices();
    expect(choices[0]).toBe("UTC");
    expect(choices).toContain("Europe/Madrid");
    expect(choices.filter((zone) => !isIanaTimeZone(zone))).toEqual([]);
  });
});

describe("a partner's status", () => {
  it("is suspended while it has a suspension date", () => {
    expect(partnerStatus({ suspendedAt: null })).toBe("active");
    expect(partnerStatus({ suspendedAt: new Date() })).toBe("suspended");
  });
});
