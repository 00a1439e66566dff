import type { AccountListQuery, ZoneAccountPage } from "@shared/api/accounts.ts";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { accountManagementKeys } from "./keys.ts";

/** The Active and Expired accounts zones of the SuperAdmin's portfolio, with pending applications. */
const getZoneAccounts = (query: AccountListQuery, signal?: AbortSignal): Promise<ZoneAccountPage> =>
  api<ZoneAccountPage>("/api/v1/account-management/accounts", { query, signal });

const zoneAccountsQueryOptions = (query: AccountListQuery) =>
  queryOptions({
    queryKey: accountManagementKeys.accountList(query),
    queryFn: ({ signal }) => getZoneAccounts(query, signal),
    placeholderData: keepPreviousData,
  });

export function useZoneAccounts(query: AccountListQuery) {
  return useQuery(zoneAccountsQueryOptions(query));
}
