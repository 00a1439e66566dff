import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";

/**
 * The state of a server-side list: its filters (sort, order, zone…), a search box debounced before
 * it reaches the server, and the page, which goes back to 1 whenever the filters or search change.
 */
export function useListParams<F extends object>(initialFilters: F) {
  const [filters, setFilters] = useState(initialFilters);
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const key = JSON.stringify([filters, q]);
  const [paging, setPaging] = useState({ key, page: 1 });
  const page = paging.key === key ? paging.page : 1;

  return {
    filters,
    setFilters: (changes: Partial<F>) => setFilters((current) => ({ ...current, ...changes })),
    search,
    setSearch,
    /** The search text the server is asked for (debounced). */
    q,
    page,
    setPage: (next: number) => setPaging({ key, page: next }),
  };
}
