import { describe, expect, it } from "vitest";
import { addDays, addMonths } from "./calendar.ts";
import {
  latestReminderStage,
  REMINDER_WINDOW_DAYS,
  type ReminderStage,
  reminderDue,
} from "./reminders.ts";

const END = "2026-12-01";
const dayBefore = (days: number) => addDays(END, -days);

/** Runs the schedule over the given days (days before the end, descending), as a daily sweep would. */
function simulate(days: number[], endsOn = END): { day: number; stage: ReminderStage }[] {
  const sent: ReminderStage[] = [];
  const log: { day: number; stage: ReminderStage }[] = [];
  for (const day of days) {
    const stage = reminderDue(endsOn, addDays(endsOn, -day), sent);
    if (stage) {
      sent.push(stage);
      log.push({ day, stage });
    }
  }
  return log;
}

const range = (from: number, to: number) =>
  Array.from({ length: from - to + 1 }, (_, i) => from - i);

describe("the reminder due on each day", () => {
  it.each([
    [45, null],
    [31, null],
    [30, "30_days"],
    [29, "30_days"],
    [8, "30_days"],
    [7, "7_days"],
    [6, "7_days"],
    [1, "7_days"],
    [0, "on_the_day"],
    [-1, null],
    [-30, null],
  ] as const)("%i days before the end date it is %s", (days, expected) => {
    expect(latestReminderStage(days)).toBe(expected);
    expect(reminderDue(END, dayBefore(days), [])).toBe(expected);
  });

  it("looks 30 days ahead at most", () => {
    expect(REMINDER_WINDOW_DAYS).toBe(30);
  });
});

describe("reminders of one term", () => {
  it("go exactly three times, a month before, a week before and on the day", () => {
    expect(simulate(range(40, -5))).toEqual([
      { day: 30, stage: "30_days" },
      { day: 7, stage: "7_days" },
      { day: 0, stage: "on_the_day" },
    ]);
  });

  it("never repeat one already sent for the term", () => {
    expect(reminderDue(END, dayBefore(20), ["30_days"])).toBeNull();
    expect(reminderDue(END, dayBefore(3), ["30_days", "7_days"])).toBeNull();
    expect(reminderDue(END, END, ["30_days", "7_days", "on_the_day"])).toBeNull();
  });

  it("after a downtime from day -31 to day -5, send only the 7-day reminder late, then the last on the day", () => {
    expect(simulate([31, ...range(5, -3)])).toEqual([
      { day: 5, stage: "7_days" },
      { day: 0, stage: "on_the_day" },
    ]);
  });

  it("after a downtime over the week-before moment, still send the last one on the day", () => {
    expect(simulate([29, 0])).toEqual([
      { day: 29, stage: "30_days" },
      { day: 0, stage: "on_the_day" },
    ]);
  });

  it("send no late reminder once the end date has passed", () => {
    expect(simulate([40, -1, -2])).toEqual([]);
    expect(reminderDue(END, addDays(END, 1), ["30_days"])).toBeNull();
  });

  it("send the month-before reminder to an account created with less than a month left", () => {
    expect(simulate(range(12, 8))).toEqual([{ day: 12, stage: "30_days" }]);
  });
});

describe("a renewal", () => {
  it("starts a new term with reminders of its own, and none for the old term", () => {
    const renewedEnd = addMonths(END, 12);
    // Renewed 10 days before the old end date, after the old term's month-before reminder.
    const oldTerm = simulate(range(40, 10));
    expect(oldTerm).toEqual([{ day: 30, stage: "30_days" }]);
    // From then on the account's end date is the renewed one.
    expect(reminderDue(renewedEnd, dayBefore(7), [])).toBeNull();
    expect(reminderDue(renewedEnd, END, [])).toBeNull();
    expect(simulate(range(40, -1), renewedEnd)).toEqual([
      { day: 30, stage: "30_days" },
      { day: 7, stage: "7_days" },
      { day: 0, stage: "on_the_day" },
    ]);
  });
});
