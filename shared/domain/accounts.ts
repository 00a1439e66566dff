import { addMonths, type CalendarDate, daysBetween } from "./calendar.ts";

/** The least number of datapoints an account may contract. */
export const MIN_DATAPOINTS = 20;
export const MIN_PERIOD_MONTHS = 1;
export const MAX_PERIOD_MONTHS = 60;
export const MAX_COMMENT_LENGTH = 2000;
/** RTC lines (remote reading of meters through a modem) are only offered in Spain. */
export const RTC_COUNTRY = "ES";

export type AccountStatus = "active" | "expired";

/** An account is active while today is before its end date, expired from the start of that day. */
export function accountStatus(endsOn: CalendarDate, today: CalendarDate): AccountStatus {
  return today < endsOn ? "active" : "expired";
}

/** Days until the end date: 0 on the day it expires, negative once expired. */
export function daysLeft(endsOn: CalendarDate, today: CalendarDate): number {
  return daysBetween(today, endsOn);
}

export interface Term {
  startsOn: CalendarDate;
  endsOn: CalendarDate;
}

/** A new account is active from the day it is approved, for the period it was requested for. */
export function termFrom(startsOn: CalendarDate, periodMonths: number): Term {
  return { startsOn, endsOn: addMonths(startsOn, periodMonths) };
}

export interface DatapointsBalance {
  contracted: number;
  used: number;
}

export function datapointsLeft({ contracted, used }: DatapointsBalance): number {
  return Math.max(0, contracted - used);
}

/** How full the contract is, 0–1 and beyond; for the colour of a usage bar. */
export function datapointsUsage({ contracted, used }: DatapointsBalance): number {
  return contracted === 0 ? 1 : used / contracted;
}

export function rtcLinesAllowed(country: string): boolean {
  return country.toUpperCase() === RTC_COUNTRY;
}
