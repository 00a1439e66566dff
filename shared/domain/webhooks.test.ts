import { describe, expect, it } from "vitest";
import { nextWebhookAttempt, WEBHOOK_MAX_ATTEMPTS, webhookUrlProblem } from "./webhooks.ts";

describe("retrying a webhook delivery", () => {
  it("waits longer after each failed attempt and gives up after the last", () => {
    const failedAt = new Date("2026-03-15T10:00:00Z");
    const waits: number[] = [];
    for (let attempts = 1; attempts < WEBHOOK_MAX_ATTEMPTS; attempts++) {
      const next = nextWebhookAttempt(attempts, failedAt);
      if (!next) throw new Error(`attempt ${attempts} should be retried`);
      waits.push(next.getTime() - failedAt.getTime());
    }
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(waits.reduce((sum, wait) => sum + wait, 0)).toBeGreaterThan(12 * 60 * 60_000);
    expect(nextWebhookAttempt(WEBHOOK_MAX_ATTEMPTS, failedAt)).toBeNull();
  });
});

describe("where an endpoint may be", () => {
  it.each([
    ["https://hooks.example.com/wattfolio", false, null],
    ["http://hooks.example.com/wattfolio", true, "https"],
    ["http://localhost:4000/hooks", true, null],
    ["http://127.0.0.1:4000/hooks", true, null],
    ["http://localhost:4000/hooks", false, "https"],
    ["https://user:pass@hooks.example.com/", false, "credentials"],
    ["ftp://hooks.example.com/", true, "https"],
    ["not a url", true, "invalid"],
  ] as const)("%s (local HTTP allowed: %s) is %s", (url, allowLocalHttp, problem) => {
    expect(webhookUrlProblem(url, allowLocalHttp)).toBe(problem);
  });
});
