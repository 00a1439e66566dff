import { describe, expect, it } from "vitest";
import { type NewAccountRequest, newAccountRequest } from "./application-requests.ts";
import { isOpen } from "./applications.ts";

const valid: NewAccountRequest = {
  name: "Madrid HQ",
  customerName: "Hoteles Mar Azul",
  country: "ES",
  licenceId: "5fd39abb-6575-4b22-93fd-a0d289d36856",
  datapoints: 20,
  billManagementTypeId: "4c0af8a6-6575-4b22-93fd-a0d289d36856",
  rtmMeters: 0,
  additionalPods: 0,
  periodMonths: 12,
  sectorCode: "hospitality",
  smsCredits: 0,
  rtcLines: 0,
  emailDomain: null,
  comment: "",
};

function problems(
  change: Partial<Record<keyof NewAccountRequest, unknown>>,
): Record<string, string> {
  const result = newAccountRequest.safeParse({ ...valid, ...change });
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.join("."), issue.message]),
  );
}

describe("a new-account request", () => {
  it("is valid with every field at its lowest allowed value", () => {
    expect(problems({})).toEqual({});
  });

  it("needs a name and a customer name", () => {
    expect(problems({ name: "   " })).toHaveProperty("name");
    expect(problems({ customerName: "" })).toHaveProperty("customerName");
  });

  it("contracts at least 20 datapoints, as a whole number", () => {
    expect(problems({ datapoints: 20 })).toEqual({});
    expect(problems({ datapoints: 19 }).datapoints).toMatch(/at least 20/);
    expect(problems({ datapoints: 20.5 })).toHaveProperty("datapoints");
  });

  it.each(["rtmMeters", "additionalPods", "smsCredits", "rtcLines"] as const)(
    "refuses a negative or fractional number of %s",
    (field) => {
      expect(problems({ [field]: -1 })).toHaveProperty(field);
      expect(problems({ [field]: 1.5 })).toHaveProperty(field);
    },
  );

  it("allows RTC lines above zero only for accounts in Spain", () => {
    expect(problems({ rtcLines: 4 })).toEqual({});
    expect(problems({ rtcLines: 4, country: "FR" }).rtcLines).toMatch(
      /only available for accounts in Spain/,
    );
    expect(problems({ rtcLines: 0, country: "FR" })).toEqual({});
  });

  it("asks for a Bill Management licence type before real-time meters or pods", () => {
    expect(problems({ billManagementTypeId: null, rtmMeters: 2 })).toHaveProperty("rtmMeters");
    expect(problems({ billManagementTypeId: null, additionalPods: 1 })).toHaveProperty(
      "additionalPods",
    );
    expect(problems({ billManagementTypeId: null })).toEqual({});
  });

  it("lasts 1 to 60 whole months", () => {
    expect(problems({ periodMonths: 1 })).toEqual({});
    expect(problems({ periodMonths: 60 })).toEqual({});
    expect(problems({ periodMonths: 0 })).toHaveProperty("periodMonths");
    expect(problems({ periodMonths: 61 })).toHaveProperty("periodMonths");
  });

  it("takes a country from ISO 3166 and a licence by id", () => {
    expect(problems({ country: "XX" })).toHaveProperty("country");
    expect(problems({ licenceId: "starter" })).toHaveProperty("licenceId");
  });

  it("accepts a host name as e-mail domain, or none", () => {
    expect(problems({ emailDomain: "mail.example.com" })).toEqual({});
    expect(problems({ emailDomain: "example.co" })).toEqual({});
    expect(problems({ emailDomain: "not a domain" })).toHaveProperty("emailDomain");
    expect(problems({ emailDomain: "-bad.example.com" })).toHaveProperty("emailDomain");
    expect(problems({ emailDomain: "localhost" })).toHaveProperty("emailDomain");
  });

  it("keeps the comment within 2,000 characters", () => {
    expect(problems({ comment: "x".repeat(2000) })).toEqual({});
    expect(problems({ comment: "x".repeat(2001) })).toHaveProperty("comment");
  });
});

describe("an application's state", () => {
  it("can be decided only while pending", () => {
    expect(isOpen("pending")).toBe(true);
    expect(isOpen("approved")).toBe(false);
    expect(isOpen("rejected")).toBe(false);
    expect(isOpen("withdrawn")).toBe(false);
  });
});
