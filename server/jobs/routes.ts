import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sweepResult } from "../../shared/api/lifecycle.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { Database } from "../db/client.ts";
import { remindersSentSince } from "../reminders/sweep.ts";
import type { Lifecycle } from "./schedule.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export function sweepRoutes({
  db,
  clock,
  lifecycle,
}: {
  db: Database;
  clock: Clock;
  lifecycle: Lifecycle;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const route = guarded(app);
    route.post(
      "/reminders/sweep",
      {
        callers: callers.customerSuccess,
        schema: {
          operationId: "runReminderSweep",
          tags: ["lifecycle"],
          summary:
            "Run the reminder sweep now; the e-mails it queues are delivered in the background",
          response: { 200: sweepResult },
        },
      },
      async () => {
        const result = await lifecycle.sweep();
        lifecycle.wake();
        const lastDay = await remindersSentSince(db, new Date(clock.now().getTime() - DAY_MS));
        return {
          ...result,
          sentInLastDay: lastDay.count,
          lastSentAt: lastDay.lastSentAt?.toISOString() ?? null,
        };
      },
    );
  };
}
