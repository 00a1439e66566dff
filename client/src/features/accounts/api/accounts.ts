import type { AccountListQuery, AccountPage } from "@shared/api/accounts.ts";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { accountKeys } from "./keys.ts";

/** The home list: a SuperAdmin's whole portfolio, or the accounts an account user was granted. */
export type HomeAccountsQuery = Omit<AccountListQuery, "zone"> & {
  zone: AccountListQuery["zone"] | "all";
};

const getAccounts = (query: HomeAccountsQuery, signal?: AbortSignal): Promise<AccountPage> =>
  api<AccountPage>("/api/v1/accounts", { query, signal });

const accountsQueryOptions = (query: HomeAccountsQuery) =>
  queryOptions({
    queryKey: accountKeys.list(query),
    queryFn: ({ signal }) => getAccounts(query, signal),
    placeholderData: keepPreviousData,
  });

export function useAccounts(query: HomeAccountsQuery) {
  return useQuery(accountsQueryOptions(query));
}
