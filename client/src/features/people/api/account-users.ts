import type { AccountUsers } from "@shared/api/people.ts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { peopleKeys } from "./keys.ts";

const base = (accountId: string) => `/api/v1/accounts/${encodeURIComponent(accountId)}/users`;

const accountUsersQueryOptions = (accountId: string) =>
  queryOptions({
    queryKey: peopleKeys.accountUsers(accountId),
    queryFn: ({ signal }) => api<AccountUsers>(base(accountId), { signal }),
  });

/** The account-level users granted the account. */
export function useAccountUsers(accountId: string) {
  return useQuery(accountUsersQueryOptions(accountId));
}

/** Granting or revoking changes the account's card and the users' account counts. */
function useAccessChange(accountId: string, change: (userId: string) => Promise<AccountUsers>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (users) => {
      queryClient.setQueryData(peopleKeys.accountUsers(accountId), users);
      return queryClient.invalidateQueries({ queryKey: peopleKeys.partner() });
    },
  });
}

export const useGrantAccess = (accountId: string) =>
  useAccessChange(accountId, (userId) =>
    api<AccountUsers>(base(accountId), { method: "POST", body: { userId } }),
  );

export const useRevokeAccess = (accountId: string) =>
  useAccessChange(accountId, (userId) =>
    api<AccountUsers>(`${base(accountId)}/${encodeURIComponent(userId)}`, { method: "DELETE" }),
  );
