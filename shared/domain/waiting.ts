/**
 * How long a pending application has waited, in the one unit a reviewer reads at a glance: minutes
 * within the first hour, hours within the first two days, then whole days ("3 days", "2 h").
 */
export type Waiting = { unit: "minutes" | "hours" | "days"; count: number };

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function waitingFor(seconds: number): Waiting {
  const elapsed = Math.max(0, seconds);
  if (elapsed < HOUR) return { unit: "minutes", count: Math.floor(elapsed / MINUTE) };
  if (elapsed < 2 * DAY) return { unit: "hours", count: Math.floor(elapsed / HOUR) };
  return { unit: "days", count: Math.floor(elapsed / DAY) };
}

/** From two days an application is late, from a week long overdue: its badge says so in colour. */
export function waitingUrgency(seconds: number): "fresh" | "late" | "overdue" {
  if (seconds >= 7 * DAY) return "overdue";
  if (seconds >= 2 * DAY) return "late";
  return "fresh";
}
