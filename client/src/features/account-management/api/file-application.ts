import type { Application, FileApplicationBody } from "@shared/api/applications.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { accountKeys } from "../../accounts/index.ts";
import { accountManagementKeys } from "./keys.ts";

const fileApplication = (body: FileApplicationBody): Promise<Application> =>
  api<Application>("/api/v1/account-management/applications", { method: "POST", body });

/**
 * Files an application for Customer Success; the form shows field errors itself. An auto-approved
 * one has already changed the account, so the zones and the account page are refreshed too.
 */
export function useFileApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fileApplication,
    meta: { handlesErrors: true },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: accountManagementKeys.all }),
        queryClient.invalidateQueries({ queryKey: accountKeys.all }),
      ]),
  });
}
