import type { InvitePersonBody } from "@shared/api/partners.ts";
import type { Staff, StaffInvitation, StaffMember } from "@shared/api/staff.ts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const staffKeys = { all: ["staff"] as const };

export function useStaff() {
  return useQuery(
    queryOptions({
      queryKey: staffKeys.all,
      queryFn: ({ signal }) => api<Staff>("/api/v1/staff", { signal }),
    }),
  );
}

export function useInviteColleague() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitePersonBody) =>
      api<StaffInvitation>("/api/v1/staff/invitations", { method: "POST", body }),
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.all }),
  });
}

/** Deactivating ends the colleague's sessions at once; reactivating lets them sign in again. */
export function useStaffActivation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api<StaffMember>(
        `/api/v1/staff/${encodeURIComponent(id)}/${active ? "reactivate" : "deactivate"}`,
        { method: "POST" },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.all }),
  });
}
