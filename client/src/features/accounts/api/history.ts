import type { HistoryEntry } from "@shared/api/applications.ts";
import type { KeysetPage } from "@shared/api/common.ts";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { accountKeys } from "./keys.ts";

export const HISTORY_PAGE_SIZE = 10;

/** Where a page of the history starts: after (older than) or before (newer than) a cursor. */
type HistoryCursor = { after?: string; before?: string };

/** Every application of an account and every change it made, newest first, a page at a time. */
const getAccountHistory = (
  accountId: string,
  cursor: HistoryCursor,
  signal?: AbortSignal,
): Promise<KeysetPage<HistoryEntry>> =>
  api<KeysetPage<HistoryEntry>>(`/api/v1/accounts/${encodeURIComponent(accountId)}/history`, {
    query: { ...cursor, pageSize: HISTORY_PAGE_SIZE },
    signal,
  });

const accountHistoryQueryOptions = (accountId: string, cursor: HistoryCursor) =>
  queryOptions({
    queryKey: accountKeys.history(accountId, cursor),
    queryFn: ({ signal }) => getAccountHistory(accountId, cursor, signal),
    placeholderData: keepPreviousData,
  });

export function useAccountHistory(accountId: string, cursor: HistoryCursor) {
  return useQuery(accountHistoryQueryOptions(accountId, cursor));
}
