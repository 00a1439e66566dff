import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  advanceTestClockBody,
  sweepResult,
  type TestClockStatus,
  testClockStatus,
} from "../../shared/api/lifecycle.ts";
import { durationMs, toIsoDuration } from "../../shared/domain/durations.ts";
import { access } from "../auth/actor.ts";
import type { Lifecycle } from "./schedule.ts";
import type { TestClock } from "./test-clock.ts";

export function sweepRoutes({ lifecycle }: { lifecycle: Lifecycle }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/reminders/sweep",
      {
        onRequest: access.customerSuccess,
        schema: {
          tags: ["lifecycle"],
          summary:
            "Run the reminder sweep now; the e-mails it queues are delivered in the background",
          response: { 200: sweepResult },
        },
      },
      async () => {
        const result = await lifecycle.sweep();
        lifecycle.wake();
        return result;
      },
    );
  };
}

/** Registered only when the server starts with TEST_CLOCK=1; otherwise these routes do not exist. */
export function testClockRoutes({
  clock,
  lifecycle,
}: {
  clock: TestClock;
  lifecycle: Lifecycle;
}): FastifyPluginAsyncZod {
  const status = (): TestClockStatus => ({
    now: clock.now().toISOString(),
    realNow: clock.realNow().toISOString(),
    offset: toIsoDuration(clock.offsetMs()),
    offsetMs: clock.offsetMs(),
  });
  return async (app) => {
    app.get(
      "/test-clock",
      {
        onRequest: access.customerSuccess,
        schema: {
          tags: ["test clock"],
          summary: "The application's time and how far ahead of real time it runs",
          response: { 200: testClockStatus },
        },
      },
      async () => status(),
    );

    app.post(
      "/test-clock/advance",
      {
        onRequest: access.customerSuccess,
        schema: {
          tags: ["test clock"],
          summary: "Move the application's clock forward for every instance (never back)",
          body: advanceTestClockBody,
          response: { 200: testClockStatus },
        },
      },
      async (request) => {
        await clock.advance(durationMs(request.body.duration) ?? 0);
        // Reminders that came due with the move go out without waiting for the next scheduled run.
        lifecycle.wake();
        return status();
      },
    );
  };
}
