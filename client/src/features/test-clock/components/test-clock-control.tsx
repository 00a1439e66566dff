import { lazy, Suspense } from "react";
import { useMe } from "../../auth/index.ts";
import { useTestClock } from "../api/test-clock.ts";

// Its code (a form, the duration rules) downloads only where it shows, never for most users.
const TestClockPopover = lazy(async () => ({
  default: (await import("./test-clock-popover.tsx")).TestClockPopover,
}));

/**
 * Shown in the header to Customer Success when the server runs with TEST_CLOCK=1: the application's
 * (shifted) time, and the controls that move it forward. Without the flag it renders nothing.
 */
export function TestClockControl() {
  const me = useMe();
  const clock = useTestClock(me.testClock);
  if (!clock.data) return null;
  return (
    <Suspense fallback={null}>
      <TestClockPopover offsetMs={clock.data.offsetMs} />
    </Suspense>
  );
}
