import type { QueryClient } from "@tanstack/react-query";
import { mailKeys } from "./keys.ts";

/** After a sweep or a move of the test clock, when the background delivery has usually run. */
const DELIVERY_CHECKS_MS = [1_000, 3_000, 8_000];

/**
 * Mail is delivered in the background, moments after the event that queued it: look at the mailbox
 * and the outbox now and a few more times while the dispatcher catches up.
 */
export function refreshMailWhileDelivering(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: mailKeys.all });
  for (const delay of DELIVERY_CHECKS_MS) {
    setTimeout(() => void queryClient.invalidateQueries({ queryKey: mailKeys.all }), delay);
  }
}
