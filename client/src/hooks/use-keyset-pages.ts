import { useState } from "react";

interface Place {
  /** What the list shows (filters, search, sort): another list starts again from its first page. */
  list: string;
  cursor: { after?: string; before?: string };
  /** The place of the page's first row in the whole list, counted as the pages were turned. */
  first: number;
}

/**
 * The page of a list read by cursors (keyset): the page after or before the one shown, back to the
 * first page whenever `list` (its filters, search and order, as one string) changes.
 */
export function useKeysetPages(list: string, pageSize: number) {
  const [place, setPlace] = useState<Place>({ list, cursor: {}, first: 0 });
  const current = place.list === list ? place : { list, cursor: {}, first: 0 };
  return {
    cursor: current.cursor,
    first: current.first,
    onNext: (after: string) =>
      setPlace({ list, cursor: { after }, first: current.first + pageSize }),
    onPrevious: (before: string) =>
      setPlace({ list, cursor: { before }, first: Math.max(0, current.first - pageSize) }),
  };
}
