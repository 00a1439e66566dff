/** How dates, numbers and countries read in the user's language. */
import { COUNTRY_CODES } from "@shared/domain/countries.ts";

const locales = navigator.languages.length > 0 ? [...navigator.languages] : ["en"];

const numberFormat = new Intl.NumberFormat(locales);
// Calendar dates (`YYYY-MM-DD`) are days, not instants: read and shown in UTC so they never shift.
const dateFormat = new Intl.DateTimeFormat(locales, {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const dateTimeFormat = new Intl.DateTimeFormat(locales, {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const regionNames = new Intl.DisplayNames(locales, { type: "region" });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export function formatDate(calendarDate: string): string {
  return dateFormat.format(new Date(`${calendarDate}T00:00:00Z`));
}

export function formatDateTime(instant: string): string {
  return dateTimeFormat.format(new Date(instant));
}

/** "1 day", "12 days". */
export function count(value: number, unit: string, plural = `${unit}s`): string {
  return `${formatNumber(value)} ${value === 1 ? unit : plural}`;
}

export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}

/** Every country the platform knows, by name, for a searchable picker. */
export const COUNTRY_OPTIONS = COUNTRY_CODES.map((code) => ({
  value: code,
  label: countryName(code),
})).sort((a, b) => a.label.localeCompare(b.label, locales));
