import { useCallback, useRef } from "react";

/**
 * Starts an action only when the one before it has settled, so that a double-click on a final
 * action (approve, reject, withdraw) sends one request, not a second one that is then refused. The
 * button's own loading state comes a render later; this guard holds from the first click.
 */
export function useOneAtATime(): (start: (settled: () => void) => void) => void {
  const busy = useRef(false);
  return useCallback((start) => {
    if (busy.current) return;
    busy.current = true;
    start(() => {
      busy.current = false;
    });
  }, []);
}
