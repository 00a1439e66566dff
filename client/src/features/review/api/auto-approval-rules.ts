import type { AutoApprovalRule } from "@shared/api/applications.ts";
import type { ApplicationKind } from "@shared/domain/applications.ts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { reviewKeys } from "./keys.ts";

/** Which kinds of application Customer Success approves on filing. */
const getAutoApprovalRules = (signal?: AbortSignal): Promise<AutoApprovalRule[]> =>
  api<AutoApprovalRule[]>("/api/v1/review/auto-approval-rules", { signal });

const autoApprovalRulesQueryOptions = () =>
  queryOptions({
    queryKey: reviewKeys.autoApprovalRules,
    queryFn: ({ signal }) => getAutoApprovalRules(signal),
  });

export function useAutoApprovalRules() {
  return useQuery(autoApprovalRulesQueryOptions());
}

interface AutoApprovalRuleInput {
  kind: ApplicationKind;
  enabled: boolean;
}

const setAutoApprovalRule = ({ kind, enabled }: AutoApprovalRuleInput) =>
  api<AutoApprovalRule[]>(`/api/v1/review/auto-approval-rules/${encodeURIComponent(kind)}`, {
    method: "PUT",
    body: { enabled },
  });

/** The answer is the whole set of rules, which replaces the cached one. */
export function useSetAutoApprovalRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setAutoApprovalRule,
    onSuccess: (rules) => queryClient.setQueryData(autoApprovalRulesQueryOptions().queryKey, rules),
  });
}
