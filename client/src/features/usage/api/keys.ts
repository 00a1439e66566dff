import type { QueryParams } from "../../../lib/api.ts";

const account = (accountId: string) => ["usage", accountId] as const;

/** An account's usage: `account(id)` covers its summary, its datapoints and its history. */
export const usageKeys = {
  account,
  summary: (accountId: string) => [...account(accountId), "summary"] as const,
  datapoints: (accountId: string, filters: QueryParams) =>
    [...account(accountId), "datapoints", filters] as const,
  history: (accountId: string, query: QueryParams) =>
    [...account(accountId), "history", query] as const,
};
