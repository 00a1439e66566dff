/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), the form PostgreSQL's `date` type reads and writes.
 * Terms are counted in whole days of the partner's time zone, never in instants.
 */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: CalendarDate): [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function fromUtcMidnight(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function utcMidnight(date: CalendarDate): number {
  const [year, month, day] = parts(date);
  return Date.UTC(year, month - 1, day);
}

/**
 * One formatter per time zone, making one costs far more than using it, and its last answer: a
 * list asks again for each of its rows, at the same instant.
 */
const dayFormats = new Map<
  string,
  { format: Intl.DateTimeFormat; lastInstant: number; lastDate: CalendarDate }
>();

/** The calendar date it is at `instant` in `timeZone` (an IANA name such as `Europe/Madrid`). */
export function dateIn(timeZone: string, instant: Date): CalendarDate {
  let day = dayFormats.get(timeZone);
  if (!day) {
    // en-CA formats as YYYY-MM-DD.
    const format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    day = { format, lastInstant: Number.NaN, lastDate: "" };
    dayFormats.set(timeZone, day);
  }
  const at = instant.getTime();
  if (at !== day.lastInstant) {
    day.lastDate = day.format.format(instant);
    day.lastInstant = at;
  }
  return day.lastDate;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMidnight(utcMidnight(date) + days * 86_400_000);
}

/**
 * Adds calendar months; a day that the target month lacks falls back to its last day
 * (31 January + 1 month = 28 or 29 February), as contracts are read.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = parts(date);
  const firstOfTarget = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0),
  ).getUTCDate();
  return fromUtcMidnight(
    Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth(), Math.min(day, lastDay)),
  );
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / 86_400_000);
}

export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  return fromUtcMidnight(utcMidnight(value)) === value;
}
