import type { SweepResult } from "@shared/api/lifecycle.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { refreshMailWhileDelivering } from "./refresh.ts";

/** Runs the reminder sweep now instead of waiting for the schedule. */
const runReminderSweep = (): Promise<SweepResult> =>
  api<SweepResult>("/api/v1/reminders/sweep", { method: "POST" });

export function useRunReminderSweep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runReminderSweep,
    onSuccess: () => refreshMailWhileDelivering(queryClient),
  });
}
