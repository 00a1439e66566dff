import type { Application } from "@shared/api/applications.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { accountKeys } from "../../accounts/index.ts";
import { accountManagementKeys } from "./keys.ts";

/** The requester takes back its own pending application; nothing on the account changes. */
const withdrawApplication = (applicationId: string): Promise<Application> =>
  api<Application>(
    `/api/v1/account-management/applications/${encodeURIComponent(applicationId)}/withdraw`,
    { method: "POST" },
  );

export function useWithdrawApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawApplication,
    onSettled: () =>
      Promise.all([
        // The zones count each account's pending applications: they change too.
        queryClient.invalidateQueries({ queryKey: accountManagementKeys.all }),
        queryClient.invalidateQueries({ queryKey: accountKeys.all }),
      ]),
  });
}
