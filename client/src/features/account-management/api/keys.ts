import type { QueryParams } from "../../../lib/api.ts";

const all = ["account-management"] as const;
const accounts = [...all, "accounts"] as const;
const applications = [...all, "applications"] as const;

/** The zones of Account management: the active and expired accounts, and the applications. */
export const accountManagementKeys = {
  all,
  accounts,
  accountList: (query: QueryParams) => [...accounts, query] as const,
  applications,
  applicationList: (query: QueryParams) => [...applications, query] as const,
};
