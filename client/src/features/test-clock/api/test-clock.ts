import type { TestClockStatus } from "@shared/api/lifecycle.ts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "../../../lib/api.ts";
import { refreshMailWhileDelivering } from "../../mail/index.ts";
import { testClockKeys } from "./keys.ts";

/** The test clock, or null when the server runs without TEST_CLOCK=1 (the route does not exist). */
async function getTestClock(signal?: AbortSignal): Promise<TestClockStatus | null> {
  try {
    return await api<TestClockStatus>("/api/v1/test-clock", { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

const testClockQueryOptions = () =>
  queryOptions({
    queryKey: testClockKeys.all,
    queryFn: ({ signal }) => getTestClock(signal),
    staleTime: 5 * 60_000,
    // Without a test clock there is nothing to say; with one, the badge stays out of the way.
    meta: { handlesErrors: true },
  });

/** Only Customer Success may read or move the clock; others never ask. */
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
