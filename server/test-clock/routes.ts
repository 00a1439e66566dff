import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  advanceTestClockBody,
  type TestClockStatus,
  testClockStatus,
} from "../../shared/api/lifecycle.ts";
import { durationMs, toIsoDuration } from "../../shared/domain/durations.ts";
import { callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { TestClock } from "./test-clock.ts";

/** Registered only when the server starts with TEST_CLOCK=1; otherwise these routes do not exist. */
export function testClockRoutes({
  clock,
  afterMove,
}: {
  clock: TestClock;
  /** Runs what came due with the move without waiting for the next scheduled run. */
  afterMove: () => void;
}): FastifyPluginAsyncZod {
  const status = (): TestClockStatus => ({
    now: clock.now().toISOString(),
    realNow: clock.realNow().toISOString(),
    offset: toIsoDuration(clock.offsetMs()),
    offsetMs: clock.offsetMs(),
  });
  return async (app) => {
    const route = guarded(app);
    route.get(
      "/test-clock",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "getTestClock",
          tags: ["test clock"],
          summary: "The application's time and how far ahead of real time it runs",
          response: { 200: testClockStatus },
        },
      },
      async () => status(),
    );

    route.post(
      "/test-clock/advance",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "advanceTestClock",
          tags: ["test clock"],
          summary: "Move the application's clock forward for every instance (never back)",
          body: advanceTestClockBody,
          response: { 200: testClockStatus },
        },
      },
      async (request, _reply, actor) => {
        await clock.advance(durationMs(request.body.duration) ?? 0, {
          actor,
          address: request.ip,
        });
        afterMove();
        return status();
      },
    );
  };
}
