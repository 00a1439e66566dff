import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sweepResult } from "../../shared/api/lifecycle.ts";
import { callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { Lifecycle } from "./schedule.ts";

export function sweepRoutes({ lifecycle }: { lifecycle: Lifecycle }): FastifyPluginAsyncZod {
  return async (app) => {
    const route = guarded(app);
    route.post(
      "/reminders/sweep",
      {
        callers: callers.customerSuccess,
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
