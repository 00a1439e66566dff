import type { SecurityLogPage } from "@shared/api/security-log.ts";
import type { SecurityEventKind } from "@shared/domain/security-log.ts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { securityLogKeys } from "./keys.ts";

export interface SecurityLogFilters {
  kind?: SecurityEventKind | undefined;
  partnerId?: string | undefined;
  actor?: string | undefined;
}

const getPage = (filters: SecurityLogFilters, before: number | undefined, signal: AbortSignal) =>
  api<SecurityLogPage>("/api/v1/security-log", { query: { ...filters, before }, signal });

/** Newest first; each "Load more" reads the next older page. */
export function useSecurityLog(filters: SecurityLogFilters) {
  return useInfiniteQuery({
    queryKey: securityLogKeys.list({ ...filters }),
    queryFn: ({ pageParam, signal }) => getPage(filters, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}
