import { useDebouncedValue } from "@mantine/hooks";
import { type ApplicationListQuery, applicationListQuery } from "@shared/api/applications.ts";
import type { ApplicationStatus } from "@shared/domain/applications.ts";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";

/**
 * The queue's filters live in the address (`/review?partnerId=…&kind=…&q=…&status=all`), so a
 * triage view can be shared, reloaded and returned to. An application opened from it keeps them,
 * so its "next" and its way back are the same queue's. The page turned to (a cursor) is the
 * queue's own, back to the first whenever the filters change.
 */
export type QueueFilters = Pick<ApplicationListQuery, "partnerId" | "kind" | "q">;

const shape = applicationListQuery.shape;

/** A value of the address only when the server would accept it; a stale or typed one is dropped. */
function valid<T>(
  schema: { safeParse(value: unknown): { success: boolean; data?: T } },
  raw: string | null,
) {
  if (raw === null || raw === "") return undefined;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export function queueFiltersFrom(params: URLSearchParams): QueueFilters {
  return {
    partnerId: valid(shape.partnerId, params.get("partnerId")),
    kind: valid(shape.kind, params.get("kind")),
    q: valid(shape.q, params.get("q")) || undefined,
  };
}

/** `?partnerId=…&kind=…&q=…` of the filters that are set, or "" when none is. */
export function queueSearch(filters: QueueFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The queue's state read from and written to the address; the search box is debounced. */
export function useQueueParams() {
  const [params, setParams] = useSearchParams();
  const filters = queueFiltersFrom(params);
  const rawStatus = params.get("status");
  // Pending unless the address says otherwise; "all" lists every status.
  const status: ApplicationStatus | undefined =
    rawStatus === "all" ? undefined : (valid(shape.status, rawStatus) ?? "pending");

  const [search, setSearch] = useState(filters.q ?? "");
  const [debounced] = useDebouncedValue(search.trim(), 300);

  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        // Pages are turned by cursors now: an address of the numbered pages starts at the first.
        next.delete("page");
        return next;
      },
      { replace: true },
    );

  // The debounced search reaches the address (and so the server), from the first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search text writes the address
  useEffect(() => {
    if ((debounced || undefined) !== filters.q) update({ q: debounced || undefined });
  }, [debounced]);

  // The address changed from outside (a link, back): the box shows its search.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the address's search is followed
  useEffect(() => {
    if ((debounced || undefined) !== filters.q) setSearch(filters.q ?? "");
  }, [filters.q]);

  return {
    filters,
    status,
    search,
    setSearch,
    setStatus: (next: ApplicationStatus | undefined) =>
      update({ status: next === "pending" ? undefined : (next ?? "all") }),
    setFilters: (changes: Partial<Omit<QueueFilters, "q">>) => update(changes),
  };
}
