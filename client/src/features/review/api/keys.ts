import type { QueryParams } from "../../../lib/api.ts";

const all = ["review"] as const;
const applications = [...all, "applications"] as const;

/** Customer Success's queue, the applications it opens and the auto-approval rules. */
export const reviewKeys = {
  all,
  queue: (query: QueryParams) => [...applications, "list", query] as const,
  application: (id: string) => [...applications, "detail", id] as const,
  autoApprovalRules: [...all, "auto-approval-rules"] as const,
};
