import type { TestClockStatus } from "@shared/api/lifecycle.ts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { refreshMailWhileDelivering } from "../../mail/index.ts";
import { testClockKeys } from "./keys.ts";

const getTestClock = (signal?: AbortSignal): Promise<TestClockStatus> =>
  api<TestClockStatus>("/api/v1/test-clock", { signal });

const testClockQueryOptions = () =>
  queryOptions({
    queryKey: testClockKeys.all,
    queryFn: ({ signal }) => getTestClock(signal),
    staleTime: 5 * 60_000,
    // The badge stays out of the way: a failed read leaves it out rather than alarming anyone.
    meta: { handlesErrors: true },
  });

/** Asked only where the server says there is a clock this user may move (`me.testClock`). */
export function useTestClock(enabled: boolean) {
  return useQuery({ ...testClockQueryOptions(), enabled });
}

const advanceTestClock = (duration: string): Promise<TestClockStatus> =>
  api<TestClockStatus>("/api/v1/test-clock/advance", { method: "POST", body: { duration } });

/**
 * Moves the application's clock forward. Everything the app shows may depend on the time (zones,
 * days left, expiry, the mail the sweep sends), so every query is stale afterwards.
 */
export function useAdvanceTestClock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: advanceTestClock,
    meta: { handlesErrors: true },
    onSuccess: (clock) => {
      queryClient.setQueryData(testClockQueryOptions().queryKey, clock);
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== testClockKeys.all[0],
      });
      refreshMailWhileDelivering(queryClient);
    },
  });
}
