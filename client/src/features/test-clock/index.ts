/** The test clock Customer Success moves forward when the server runs with TEST_CLOCK=1. */
export { TestClockControl } from "./components/test-clock-control.tsx";
