import type { AccountListQuery, ZoneAccountPage } from "@shared/api/accounts.ts";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { accountManagementKeys } from "./keys.ts";

type Zone = AccountListQuery["zone"];

/** The Active and Expired accounts zones of the SuperAdmin's portfolio, with pending applications. */
const getZoneAccounts = (query: AccountListQuery, signal?: AbortSignal): Promise<ZoneAccountPage> =>
  api<ZoneAccountPage>("/api/v1/account-management/accounts", { query, signal });

export const zoneAccountsQueryOptions = (query: AccountListQuery) =>
  queryOptions({
    queryKey: accountManagementKeys.accountList(query),
    queryFn: ({ signal }) => getZoneAccounts(query, signal),
    placeholderData: keepPreviousData,
  });

export function useZoneAccounts(query: AccountListQuery) {
  return useQuery(zoneAccountsQueryOptions(query));
}

/** How a zone opens: Active by what expires soonest, Expired by what ended most recently. */
export const zoneOpeningOrder = (zone: Zone) =>
  ({ sort: "endsOn", order: zone === "active" ? "asc" : "desc" }) as const;

/** The one-row page a zone's tab asks for to show how many accounts the zone holds. */
export const zoneCountQuery = (zone: Zone): AccountListQuery => ({
  zone,
  ...zoneOpeningOrder(zone),
  page: 1,
  pageSize: 1,
});
