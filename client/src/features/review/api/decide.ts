import type { Application } from "@shared/api/applications.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { accountManagementKeys } from "../../account-management/index.ts";
import { accountKeys } from "../../accounts/index.ts";
import { reviewKeys } from "./keys.ts";

export type Decision = "approve" | "reject";

interface DecisionInput {
  applicationId: string;
  decision: Decision;
  comment: string;
}

const decideApplication = ({
  applicationId,
  decision,
  comment,
}: DecisionInput): Promise<Application> =>
  api<Application>(`/api/v1/review/applications/${encodeURIComponent(applicationId)}/${decision}`, {
    method: "POST",
    body: comment ? { comment } : {},
  });

/**
 * Approves or rejects an application. A decision changes the queue, the application and, once
 * approved, the partner's accounts; the review page explains refusals (already decided…) itself.
 */
export function useDecideApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideApplication,
    meta: { handlesErrors: true },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
        queryClient.invalidateQueries({ queryKey: accountManagementKeys.all }),
        queryClient.invalidateQueries({ queryKey: accountKeys.all }),
      ]),
  });
}
