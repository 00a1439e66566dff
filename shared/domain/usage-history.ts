/**
 * The periods of a usage history: days, ISO weeks (Monday to Sunday) or calendar months, in the
 * partner's calendar. The first period is the one that contains `from`, the last the one that
 * contains `to`, each whole, so a week or a month is never cut in two.
 */
import { addDays, addMonths, type CalendarDate, daysBetween } from "./calendar.ts";

export const USAGE_INTERVALS = ["day", "week", "month"] as const;
export type UsageInterval = (typeof USAGE_INTERVALS)[number];

export function isUsageInterval(value: string): value is UsageInterval {
  return (USAGE_INTERVALS as readonly string[]).includes(value);
}

/** At most this many periods per request: a year of days, or many years of weeks and months. */
export const MAX_HISTORY_PERIODS = 400;

export interface Period {
  start: CalendarDate;
  /** The first day of the next period. */
  next: CalendarDate;
}

/** The start of the period of `interval` that contains `date`. */
export function periodStart(date: CalendarDate, interval: UsageInterval): CalendarDate {
  if (interval === "day") return date;
  if (interval === "month") return `${date.slice(0, 8)}01`;
  // getUTCDay: 0 is Sunday; ISO weeks begin on Monday.
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

function nextStart(start: CalendarDate, interval: UsageInterval): CalendarDate {
  if (interval === "day") return addDays(start, 1);
  if (interval === "week") return addDays(start, 7);
  return addMonths(start, 1);
}

/** How many periods `from`..`to` spans, without listing them (for validation). */
export function periodCount(from: CalendarDate, to: CalendarDate, interval: UsageInterval): number {
  if (to < from) return 0;
  if (interval === "day") return daysBetween(from, to) + 1;
  if (interval === "week") {
    return daysBetween(periodStart(from, "week"), periodStart(to, "week")) / 7 + 1;
  }
  const months = (date: CalendarDate) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return months(to) - months(from) + 1;
}

export function historyPeriods(
  from: CalendarDate,
  to: CalendarDate,
  interval: UsageInterval,
): Period[] {
  const periods: Period[] = [];
  for (let start = periodStart(from, interval); start <= to; ) {
    const next = nextStart(start, interval);
    periods.push({ start, next });
    start = next;
  }
  return periods;
}
