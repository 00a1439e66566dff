/** The test clock, the one query a move of the clock does not make stale. */
export const testClockKeys = {
  all: ["test-clock"] as const,
};
