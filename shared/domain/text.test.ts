import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createApiKeyBody } from "../api/api-keys.ts";
import { fileApplicationBody } from "../api/applications.ts";
import { newAccountRequest } from "./application-requests.ts";
import { plainText, text, textProblem } from "./text.ts";
import { datapointRegistration } from "./usage.ts";

const NUL = "\u0000";
const LONE_SURROGATE = "\uD800";
const RIGHT_TO_LEFT_OVERRIDE = "\u202E";
const FIRST_STRONG_ISOLATE = "\u2068";

describe("text people type", () => {
  it("keeps letters of every script, emoji and punctuation", () => {
    for (const value of [
      "Hoteles Mar Azul",
      "Müller & Söhne",
      "東京電力",
      "مرحبا",
      "⚡️ 👩‍🔧",
      "",
    ]) {
      expect(textProblem(value, "name")).toBeUndefined();
    }
  });

  it("refuses NUL and other control characters in any field", () => {
    for (const kind of ["line", "name", "multiline"] as const) {
      expect(textProblem(`a${NUL}b`, kind)).toBe(
        kind === "multiline"
          ? "Remove the invisible control character"
          : "Remove the line break or invisible control character",
      );
      expect(textProblem("a\u001Bb", kind)).toBeDefined();
      expect(textProblem("a\u007Fb", kind)).toBeDefined();
      expect(textProblem("a\u0085b", kind)).toBeDefined();
    }
  });

  it("refuses half of a character (a lone surrogate) but keeps whole emoji", () => {
    expect(textProblem(`a${LONE_SURROGATE}b`)).toBe(
      "Remove the broken character (half of an emoji or symbol) and type it again",
    );
    expect(textProblem("\uDC00")).toBeDefined();
    expect(textProblem("😀".slice(0, 1))).toBeDefined();
    expect(textProblem("😀")).toBeUndefined();
  });

  it("lets a comment run over several lines, and nothing else", () => {
    expect(textProblem("First line\n\tsecond line\r\n", "multiline")).toBeUndefined();
    expect(textProblem("two\nlines", "line")).toBeDefined();
    expect(textProblem("two\u2028lines", "line")).toBeDefined();
    expect(textProblem("with\ttab", "name")).toBeDefined();
  });

  it("refuses the characters that turn the text around in names only", () => {
    for (const mark of [RIGHT_TO_LEFT_OVERRIDE, "\u202A", FIRST_STRONG_ISOLATE, "\u2069"]) {
      expect(textProblem(`Invoice${mark}fdp.exe`, "name")).toBe(
        "Remove the invisible character that turns the direction of the text",
      );
      expect(textProblem(`quoted ${mark}`, "multiline")).toBeUndefined();
    }
  });

  it("checks before trimming, so a NUL at either end is still refused", () => {
    const name = text("name").trim().min(1);
    expect(name.safeParse(`${NUL} Acme `).success).toBe(false);
    expect(name.parse("  Acme  ")).toBe("Acme");
  });

  it("adds the same rules to other string schemas", () => {
    const email = z.email().check(plainText());
    expect(email.safeParse("billing@customer.example").success).toBe(true);
    expect(email.safeParse(`billing${NUL}@customer.example`).success).toBe(false);
  });
});

describe("the API's text fields", () => {
  const issuesOf = (schema: z.ZodType, value: unknown) => {
    const checked = schema.safeParse(value);
    return checked.success ? [] : checked.error.issues.map((i) => [i.path.join("."), i.message]);
  };

  it("name the field that holds the character", () => {
    expect(issuesOf(createApiKeyBody, { name: `EMP${RIGHT_TO_LEFT_OVERRIDE}` })).toEqual([
      ["name", "Remove the invisible character that turns the direction of the text"],
    ]);
    const datapoint = { externalId: "m-1", name: "Meter", deviceName: "Gateway", kind: "meter" };
    expect(
      issuesOf(datapointRegistration, {
        datapoints: [datapoint, { ...datapoint, externalId: `m${NUL}2` }],
      }),
    ).toContainEqual(["datapoints.1.externalId", expect.stringContaining("control character")]);
  });

  it("refuse a field the schema does not know, by its name", () => {
    expect(issuesOf(createApiKeyBody, { name: "x", account_id: "a" })).toEqual([
      ["", 'Unrecognized key: "account_id"'],
    ]);
    const filing = {
      kind: "renew_subscription",
      accountId: "7f0f8e3c-9a52-4a4e-8f7a-3a2a7d7d3c11",
      payload: { years: 2 },
    };
    expect(issuesOf(fileApplicationBody, filing)).toEqual([
      ["payload", 'Unrecognized key: "years"'],
    ]);
  });

  it("keep the create-account form's values as they are", () => {
    const request = {
      name: "Hotel",
      customerName: "Hoteles Mar Azul",
      country: "ES",
      licenceId: "7f0f8e3c-9a52-4a4e-8f7a-3a2a7d7d3c11",
      datapoints: 250,
      billManagementTypeId: null,
      rtmMeters: 0,
      additionalPods: 0,
      periodMonths: 12,
      sectorCode: "retail",
      smsCredits: 0,
      rtcLines: 0,
      emailDomain: null,
      comment: "Kick-off\nnext month",
    };
    expect(newAccountRequest.parse(request)).toEqual(request);
    expect(issuesOf(newAccountRequest, { ...request, customerName: `A${NUL}` })).toEqual([
      ["customerName", "Remove the line break or invisible control character"],
    ]);
  });
});
