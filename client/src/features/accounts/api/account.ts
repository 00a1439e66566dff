import type { AccountDetail } from "@shared/api/accounts.ts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { accountKeys } from "./keys.ts";

const getAccount = (id: string, signal?: AbortSignal): Promise<AccountDetail> =>
  api<AccountDetail>(`/api/v1/accounts/${encodeURIComponent(id)}`, { signal });

const accountQueryOptions = (id: string) =>
  queryOptions({
    queryKey: accountKeys.detail(id),
    queryFn: ({ signal }) => getAccount(id, signal),
    // The page says "not found" itself.
    meta: { handlesErrors: true },
  });

export function useAccount(id: string) {
  return useQuery(accountQueryOptions(id));
}
