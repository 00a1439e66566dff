import type { QueryParams } from "../../../lib/api.ts";

const all = ["accounts"] as const;

/** Every query of the accounts a user sees; `all` refreshes the list, the pages and the histories. */
export const accountKeys = {
  all,
  list: (query: QueryParams) => [...all, "list", query] as const,
  detail: (id: string) => [...all, "detail", id] as const,
  history: (id: string, cursor: QueryParams) => [...all, "history", id, cursor] as const,
};
