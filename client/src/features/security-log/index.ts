/** Who did what to people and access: the security log. */
export type { SecurityLogFilters } from "./api/security-log.ts";
export { kindOptions } from "./components/describe-event.ts";
export { SecurityLogTable } from "./components/security-log-table.tsx";
