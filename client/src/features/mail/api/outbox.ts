import type { OutboxPage, OutboxQuery } from "@shared/api/lifecycle.ts";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { mailKeys } from "./keys.ts";

/** Every e-mail and how its delivery went: queued, retrying, sent or failed with the last error. */
const getOutbox = (query: OutboxQuery, signal?: AbortSignal): Promise<OutboxPage> =>
  api<OutboxPage>("/api/v1/outbox", { query, signal });

const outboxQueryOptions = (query: OutboxQuery) =>
  queryOptions({
    queryKey: mailKeys.outbox(query),
    queryFn: ({ signal }) => getOutbox(query, signal),
    placeholderData: keepPreviousData,
  });

export function useOutbox(query: OutboxQuery) {
  return useQuery(outboxQueryOptions(query));
}
