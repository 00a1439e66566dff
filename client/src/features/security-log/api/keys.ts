import type { QueryParams } from "../../../lib/api.ts";

const all = ["security-log"] as const;

/** The log, one list per set of filters (its pages are loaded one after another). */
export const securityLogKeys = {
  all,
  list: (filters: QueryParams) => [...all, filters] as const,
};
