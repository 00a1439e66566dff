import type {
  InviteUserBody,
  ManagedUser,
  PartnerPeople,
  PendingInvitation,
} from "@shared/api/people.ts";
import type { UserType } from "@shared/domain/people.ts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { meQueryOptions } from "../../auth/index.ts";
import { peopleKeys } from "./keys.ts";

/** The partner's users and pending invitations. */
const getPartnerPeople = (signal?: AbortSignal): Promise<PartnerPeople> =>
  api<PartnerPeople>("/api/v1/users", { signal });

const partnerPeopleQueryOptions = () =>
  queryOptions({
    queryKey: peopleKeys.partner(),
    queryFn: ({ signal }) => getPartnerPeople(signal),
  });

export function usePartnerPeople() {
  return useQuery(partnerPeopleQueryOptions());
}

/** Every change to a user or an invitation changes the Users page and the account cards. */
function useChangeOfPeople<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join("/");

const inviteUser = (body: InviteUserBody): Promise<PendingInvitation> =>
  api<PendingInvitation>("/api/v1/users/invitations", { method: "POST", body });

/** Refusals are shown by the form, beside the fields they concern. */
export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteUser,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export const useResendInvitation = () =>
  useChangeOfPeople((id: string) =>
    api<PendingInvitation>(`/api/v1/users/invitations/${path(id)}/resend`, { method: "POST" }),
  );

export const useRevokeInvitation = () =>
  useChangeOfPeople((id: string) =>
    api<PartnerPeople>(`/api/v1/users/invitations/${path(id)}/revoke`, { method: "POST" }),
  );

const changeUserType = ({ id, userType }: { id: string; userType: UserType }) =>
  api<ManagedUser>(`/api/v1/users/${path(id)}/type`, { method: "PUT", body: { userType } });

/** A SuperAdmin who gives itself another type loses the Users page: who it is is asked again. */
export function useChangeUserType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeUserType,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
        queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey }),
      ]),
  });
}

export const useDeactivateUser = () =>
  useChangeOfPeople((id: string) =>
    api<ManagedUser>(`/api/v1/users/${path(id)}/deactivate`, { method: "POST" }),
  );

export const useReactivateUser = () =>
  useChangeOfPeople((id: string) =>
    api<ManagedUser>(`/api/v1/users/${path(id)}/reactivate`, { method: "POST" }),
  );
