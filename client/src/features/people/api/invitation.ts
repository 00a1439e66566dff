import type {
  AcceptedInvitation,
  AcceptInvitationBody,
  InvitationView,
} from "@shared/api/invitations.ts";
import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { peopleKeys } from "./keys.ts";

const url = (token: string) => `/api/v1/invitations/${encodeURIComponent(token)}`;

const invitationQueryOptions = (token: string) =>
  queryOptions({
    queryKey: peopleKeys.invitation(token),
    queryFn: ({ signal }) => api<InvitationView>(url(token), { signal }),
    meta: { handlesErrors: true },
  });

/** What an invitation link is for; the page explains a dead or expired link itself. */
export function useInvitation(token: string) {
  return useQuery(invitationQueryOptions(token));
}

export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationFn: (body: AcceptInvitationBody) =>
      api<AcceptedInvitation>(`${url(token)}/accept`, { method: "POST", body }),
    meta: { handlesErrors: true },
  });
}
