import type {
  Application,
  ApplicationListQuery,
  ApplicationPage,
} from "@shared/api/applications.ts";
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

/**
 * The application to open after deciding one: the oldest pending one left in the queue as filtered
 * (never the one just decided, should the answer be older than the decision); null when none is.
 */
export async function nextPendingApplication(
  filters: Pick<ApplicationListQuery, "partnerId" | "kind" | "q">,
  decidedId: string,
): Promise<Application | null> {
  const page = await getReviewQueue({ ...filters, status: "pending", page: 1, pageSize: 2 });
  return page.items.find((application) => application.id !== decidedId) ?? null;
}
