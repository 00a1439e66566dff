import type { AccountUsage, DatapointListQuery, DatapointPage } from "@shared/api/usage.ts";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { usageKeys } from "./keys.ts";

const usagePath = (accountId: string) => `/api/v1/usage/accounts/${encodeURIComponent(accountId)}`;

/** Contracted, used and left of each entitlement the platform spends: datapoints, SMS credits. */
const getAccountUsage = (accountId: string, signal?: AbortSignal): Promise<AccountUsage> =>
  api<AccountUsage>(usagePath(accountId), { signal });

const accountUsageQueryOptions = (accountId: string) =>
  queryOptions({
    queryKey: usageKeys.summary(accountId),
    queryFn: ({ signal }) => getAccountUsage(accountId, signal),
  });

export function useAccountUsage(accountId: string) {
  return useQuery(accountUsageQueryOptions(accountId));
}

type DatapointFilters = Pick<
  DatapointListQuery,
  "kind" | "device" | "after" | "before" | "page" | "pageSize"
>;

/** The account's registered datapoints, by device then name, a page at a time (after or before a cursor). */
const getDatapoints = (
  accountId: string,
  filters: DatapointFilters,
  signal?: AbortSignal,
): Promise<DatapointPage> =>
  api<DatapointPage>(`${usagePath(accountId)}/datapoints`, { query: { ...filters }, signal });

const datapointsQueryOptions = (accountId: string, filters: DatapointFilters) =>
  queryOptions({
    queryKey: usageKeys.datapoints(accountId, filters),
    queryFn: ({ signal }) => getDatapoints(accountId, filters, signal),
    placeholderData: keepPreviousData,
  });

export function useDatapoints(accountId: string, filters: DatapointFilters) {
  return useQuery(datapointsQueryOptions(accountId, filters));
}
