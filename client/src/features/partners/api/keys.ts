import type { QueryParams } from "../../../lib/api.ts";

const all = ["partners"] as const;

/** The partners' list (one query per search and page) and each partner's page. */
export const partnerKeys = {
  all,
  list: (query: QueryParams) => [...all, "list", query] as const,
  detail: (id: string) => [...all, "detail", id] as const,
};
