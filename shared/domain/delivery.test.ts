import { describe, expect, it } from "vitest";
import { nextAttempt, RETRY_FOR_MS, retryDelayMs } from "./delivery.ts";

const minutes = (n: number) => n * 60_000;

describe("retrying an e-mail that could not be delivered", () => {
  it("waits a minute after the first failure, then twice as long each time, at most an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(retryDelayMs)).toEqual(
      [1, 2, 4, 8, 16, 32, 60, 60, 60].map(minutes),
    );
  });

  it("keeps trying for a whole day after the first attempt, then gives up", () => {
    const first = new Date("2026-03-15T10:00:00Z");
    const at = (ms: number) => new Date(first.getTime() + ms);
    expect(nextAttempt(first, 1, first)).toEqual(at(minutes(1)));
    expect(nextAttempt(first, 10, at(RETRY_FOR_MS - 1))).toEqual(
      at(RETRY_FOR_MS - 1 + minutes(60)),
    );
    expect(nextAttempt(first, 30, at(RETRY_FOR_MS))).toBeNull();
  });

  it("tries at least a day in all, whatever the attempts so far", () => {
    const first = new Date("2026-03-15T10:00:00Z");
    let attempts = 1;
    let failedAt = first;
    for (;;) {
      const next = nextAttempt(first, attempts, failedAt);
      if (!next) break;
      failedAt = next;
      attempts++;
    }
    expect(failedAt.getTime() - first.getTime()).toBeGreaterThanOrEqual(RETRY_FOR_MS);
    expect(attempts).toBeLessThan(40);
  });
});
