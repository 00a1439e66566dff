/** How dates, numbers and countries read in the user's language. */
import { COUNTRY_CODES } from "@shared/domain/countries.ts";
import { useMemo } from "react";
import { useIntl } from "react-intl";

export interface Format {
  number(value: number): string;
  /** A calendar date (`YYYY-MM-DD`): a day, not an instant, so it never shifts with a time zone. */
  date(calendarDate: string): string;
  /** An instant, in `timeZone` (the browser's if none) and saying which: `30 Nov 2026, 09:15 CET`. */
  dateTime(instant: string, timeZone?: string): string;
  countryName(code: string): string;
  /** Every country the platform knows, by name in the user's language, for a searchable picker. */
  countryOptions: { value: string; label: string }[];
  /** What NumberInput needs to read and write numbers as the user's locale does. */
  separators: { thousandSeparator: string; decimalSeparator: string };
}

export function useFormat(): Format {
  const { locale } = useIntl();
  return useMemo(() => {
    const numberFormat = new Intl.NumberFormat(locale);
    const dateFormat = new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    });
    const regionNames = new Intl.DisplayNames([locale], { type: "region" });
    const countryName = (code: string) => regionNames.of(code) ?? code;
    const part = (type: Intl.NumberFormatPartTypes) =>
      numberFormat.formatToParts(12345.6).find((p) => p.type === type)?.value ?? "";
    return {
      number: (value) => numberFormat.format(value),
      date: (calendarDate) => dateFormat.format(new Date(`${calendarDate}T00:00:00Z`)),
      dateTime: (instant, timeZone) =>
        new Intl.DateTimeFormat(locale, {
          day: "numeric",
          month: "short",
          year: "numeric",
          hour: "2-digit",
          minute: "2-digit",
          timeZoneName: "short",
          timeZone,
        }).format(new Date(instant)),
      countryName,
      countryOptions: COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code) })).sort(
        (a, b) => a.label.localeCompare(b.label, locale),
      ),
      separators: { thousandSeparator: part("group"), decimalSeparator: part("decimal") },
    };
  }, [locale]);
}
