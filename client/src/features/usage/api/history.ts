import type { UsageHistory } from "@shared/api/usage.ts";
import type { UsageInterval } from "@shared/domain/usage-history.ts";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { usageKeys } from "./keys.ts";

export interface HistoryRange {
  from: string;
  to: string;
  interval: UsageInterval;
}

/** The account's usage per day, week or month between two dates. */
const getUsageHistory = (
  accountId: string,
  range: HistoryRange,
  signal?: AbortSignal,
): Promise<UsageHistory> =>
  api<UsageHistory>(`/api/v1/usage/accounts/${encodeURIComponent(accountId)}/history`, {
    query: { ...range },
    signal,
  });

const usageHistoryQueryOptions = (accountId: string, range: HistoryRange) =>
  queryOptions({
    queryKey: usageKeys.history(accountId, { ...range }),
    queryFn: ({ signal }) => getUsageHistory(accountId, range, signal),
    placeholderData: keepPreviousData,
  });

export function useUsageHistory(accountId: string, range: HistoryRange) {
  return useQuery(usageHistoryQueryOptions(accountId, range));
}
