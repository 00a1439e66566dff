import type { AnyInvitation } from "@shared/api/staff.ts";
import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

const invitationUrl = (id: string, action: "resend" | "revoke") =>
  `/api/v1/staff/invitations/${encodeURIComponent(id)}/${action}`;

/**
 * Customer Success sends any open invitation again or revokes it, a colleague's or a partner's;
 * the page that lists it names the query to refresh.
 */
export function useAnyInvitationActions(lists: QueryKey) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: lists });
  const resend = useMutation({
    mutationFn: (id: string) => api<AnyInvitation>(invitationUrl(id, "resend"), { method: "POST" }),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api<void>(invitationUrl(id, "revoke"), { method: "POST" }),
    onSuccess: refresh,
  });
  return { resend, revoke };
}
