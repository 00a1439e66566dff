import type { QueryParams } from "../../../lib/api.ts";

const all = ["api-keys"] as const;

/** The keys' list, one query per filter and page. */
export const apiKeyKeys = {
  all,
  list: (query: QueryParams) => [...all, query] as const,
};
