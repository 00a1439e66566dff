import type { Application } from "@shared/api/applications.ts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { reviewKeys } from "./keys.ts";

const getApplicationForReview = (id: string, signal?: AbortSignal): Promise<Application> =>
  api<Application>(`/api/v1/review/applications/${encodeURIComponent(id)}`, { signal });

const applicationForReviewQueryOptions = (id: string) =>
  queryOptions({
    queryKey: reviewKeys.application(id),
    queryFn: ({ signal }) => getApplicationForReview(id, signal),
    // The page says "not found" itself.
    meta: { handlesErrors: true },
  });

export function useApplicationForReview(id: string) {
  return useQuery(applicationForReviewQueryOptions(id));
}
