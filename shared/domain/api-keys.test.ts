import { describe, expect, it } from "vitest";
import {
  API_KEY_PREFIX,
  isUseWorthRecording,
  LAST_USED_PRECISION_MS,
  scopeOf,
  shownPart,
} from "./api-keys.ts";

describe("an API key's scope", () => {
  it("is platform-wide without a partner, a partner's accounts without an account, else one account", () => {
    expect(scopeOf({ partnerId: null, accountId: null })).toEqual({ kind: "platform" });
    expect(scopeOf({ partnerId: "p", accountId: null })).toEqual({
      kind: "partner",
      partnerId: "p",
    });
    expect(scopeOf({ partnerId: "p", accountId: "a" })).toEqual({
      kind: "account",
      partnerId: "p",
      accountId: "a",
    });
  });
});

describe("when a key was last used", () => {
  const at = new Date("2026-03-15T10:00:00Z");
  const later = (ms: number) => new Date(at.getTime() + ms);

  it("is written the first time and then at most once a minute", () => {
    expect(isUseWorthRecording(null, at)).toBe(true);
    expect(isUseWorthRecording(at, later(1_000))).toBe(false);
    expect(isUseWorthRecording(at, later(LAST_USED_PRECISION_MS - 1))).toBe(false);
    expect(isUseWorthRecording(at, later(LAST_USED_PRECISION_MS))).toBe(true);
  });
});

describe("a key's secret", () => {
  it("shows only its prefix and first characters once created", () => {
    const secret = `${API_KEY_PREFIX}AbCdEfGh1234567890abcdefghijklmnopqrstuvw`;
    expect(shownPart(secret)).toBe(`${API_KEY_PREFIX}AbCdEfGh`);
  });
});
