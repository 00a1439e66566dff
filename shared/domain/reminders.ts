import { daysLeft } from "./accounts.ts";
import type { CalendarDate } from "./calendar.ts";

/**
 * Expiry reminders: a month before the end date, a week before, and on the day. Each goes at most
 * once per term, and a term is known by its end date, so a renewal (a new end date) starts afresh.
 */
export const REMINDERS = [
  { stage: "30_days", daysBefore: 30 },
  { stage: "7_days", daysBefore: 7 },
  { stage: "on_the_day", daysBefore: 0 },
] as const;

export type ReminderStage = (typeof REMINDERS)[number]["stage"];
export const REMINDER_STAGES: readonly ReminderStage[] = REMINDERS.map((r) => r.stage);

/** How far ahead of the end date reminders begin: the sweep looks no further. */
export const REMINDER_WINDOW_DAYS = Math.max(...REMINDERS.map((r) => r.daysBefore));

/**
 * The reminder whose moment has come most recently, `days` before the end date (0 on the day);
 * none further out than the first reminder, nor once the day has passed.
 */
export function latestReminderStage(days: number): ReminderStage | null {
  if (days < 0) return null;
  let latest: ReminderStage | null = null;
  for (const reminder of REMINDERS) if (days <= reminder.daysBefore) latest = reminder.stage;
  return latest;
}

/**
 * The reminder to send now for the term ending on `endsOn`, given the stages already sent for that
 * term: only the latest one due, so a reminder whose moment passed while the system was down is
 * sent late only if no later one has become due since (no "30 days left" when 5 are left).
 */
export function reminderDue(
  endsOn: CalendarDate,
  today: CalendarDate,
  sentForTerm: readonly ReminderStage[],
): ReminderStage | null {
  const stage = latestReminderStage(daysLeft(endsOn, today));
  return stage === null || sentForTerm.includes(stage) ? null : stage;
}
