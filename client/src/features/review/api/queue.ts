import type { ApplicationListQuery, ApplicationPage } from "@shared/api/applications.ts";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { reviewKeys } from "./keys.ts";

/** The Customer Success review queue: every partner's applications, pending first. */
const getReviewQueue = (
  query: ApplicationListQuery,
  signal?: AbortSignal,
): Promise<ApplicationPage> =>
  api<ApplicationPage>("/api/v1/review/applications", { query, signal });

const reviewQueueQueryOptions = (query: ApplicationListQuery) =>
  queryOptions({
    queryKey: reviewKeys.queue(query),
    queryFn: ({ signal }) => getReviewQueue(query, signal),
    placeholderData: keepPreviousData,
  });

export function useReviewQueue(query: ApplicationListQuery) {
  return useQuery(reviewQueueQueryOptions(query));
}
