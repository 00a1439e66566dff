import type { HistoryEntry } from "@shared/api/applications.ts";
import type { Page } from "@shared/api/common.ts";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { accountKeys } from "./keys.ts";

export const HISTORY_PAGE_SIZE = 10;

/** Every application of an account and every change it made, newest first. */
const getAccountHistory = (
  accountId: string,
  page: number,
  signal?: AbortSignal,
): Promise<Page<HistoryEntry>> =>
  api<Page<HistoryEntry>>(`/api/v1/accounts/${encodeURIComponent(accountId)}/history`, {
    query: { page, pageSize: HISTORY_PAGE_SIZE },
    signal,
  });

const accountHistoryQueryOptions = (accountId: string, page: number) =>
  queryOptions({
    queryKey: accountKeys.history(accountId, page),
    queryFn: ({ signal }) => getAccountHistory(accountId, page, signal),
    placeholderData: keepPreviousData,
  });

export function useAccountHistory(accountId: string, page: number) {
  return useQuery(accountHistoryQueryOptions(accountId, page));
}
