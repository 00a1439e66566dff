import type {
  InvitePersonBody,
  Partner,
  PartnerBody,
  PartnerDetail,
  PartnerListQuery,
  PartnerPage,
} from "@shared/api/partners.ts";
import type { PendingInvitation } from "@shared/api/people.ts";
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { partnerKeys } from "./keys.ts";

const partnerUrl = (id: string) => `/api/v1/partners/${encodeURIComponent(id)}`;

const getPartners = (query: PartnerListQuery, signal?: AbortSignal): Promise<PartnerPage> =>
  api<PartnerPage>("/api/v1/partners", { query, signal });

export function usePartners(query: PartnerListQuery) {
  return useQuery(
    queryOptions({
      queryKey: partnerKeys.list(query),
      queryFn: ({ signal }) => getPartners(query, signal),
      placeholderData: keepPreviousData,
    }),
  );
}

const getPartner = (id: string, signal?: AbortSignal): Promise<PartnerDetail> =>
  api<PartnerDetail>(partnerUrl(id), { signal });

export function usePartner(id: string) {
  return useQuery(
    queryOptions({
      queryKey: partnerKeys.detail(id),
      queryFn: ({ signal }) => getPartner(id, signal),
      meta: { handlesErrors: true },
    }),
  );
}

/** Every change to a partner shows in the list and on its page. */
function usePartnerMutation<V, R>(mutationFn: (variables: V) => Promise<R>, handlesErrors = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { handlesErrors },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.all }),
  });
}

export const useCreatePartner = () =>
  usePartnerMutation(
    (body: PartnerBody) => api<Partner>("/api/v1/partners", { method: "POST", body }),
    true,
  );

export const useChangePartner = () =>
  usePartnerMutation(
    ({ id, body }: { id: string; body: PartnerBody }) =>
      api<Partner>(partnerUrl(id), { method: "PUT", body }),
    true,
  );

/** Suspending ends the partner's users' sessions at once; reinstating lets them sign in again. */
export const useSuspension = () =>
  usePartnerMutation(({ id, suspend }: { id: string; suspend: boolean }) =>
    api<Partner>(`${partnerUrl(id)}/${suspend ? "suspend" : "reinstate"}`, { method: "POST" }),
  );

export const useInviteSuperAdmin = () =>
  usePartnerMutation(
    ({ id, body }: { id: string; body: InvitePersonBody }) =>
      api<PendingInvitation>(`${partnerUrl(id)}/super-admin-invitations`, {
        method: "POST",
        body,
      }),
    true,
  );
