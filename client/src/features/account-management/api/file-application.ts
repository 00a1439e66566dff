import type { Application, FileApplicationBody } from "@shared/api/applications.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef } from "react";
import { api } from "../../../lib/api.ts";
import { accountKeys } from "../../accounts/index.ts";
import { accountManagementKeys } from "./keys.ts";

const fileApplication = (body: FileApplicationBody, signal: AbortSignal): Promise<Application> =>
  api<Application>("/api/v1/account-management/applications", { method: "POST", body, signal });

/**
 * Files an application for Customer Success; the form shows field errors itself. An auto-approved
 * one has already changed the account, so the zones and the account page are refreshed too.
 * `cancel()` stops a request still on its way, and says whether there was one.
 */
export function useFileApplication() {
  const queryClient = useQueryClient();
  const inFlight = useRef<AbortController | null>(null);
  const mutation = useMutation({
    mutationFn: (body: FileApplicationBody) => {
      inFlight.current = new AbortController();
      return fileApplication(body, inFlight.current.signal);
    },
    meta: { handlesErrors: true },
    // Settled, not only succeeded: a cancelled request may have been filed (or auto-approved).
    onSettled: () => {
      inFlight.current = null;
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: accountManagementKeys.all }),
        queryClient.invalidateQueries({ queryKey: accountKeys.all }),
      ]);
    },
  });
  const cancel = useCallback(() => {
    const request = inFlight.current;
    request?.abort();
    return request !== null;
  }, []);
  return { ...mutation, cancel };
}
