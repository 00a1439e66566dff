/** How dates, numbers and countries read in the user's language. */
import { COUNTRY_CODES } from "@shared/domain/countries.ts";
import { useIntl } from "react-intl";

export interface Format {
  number(value: number): string;
  /** A calendar date (`YYYY-MM-DD`): a day, not an instant, so it never shifts with a time zone. */
  date(calendarDate: string): string;
  /** An instant, in `timeZone` (the browser's if none) and saying which: `30 Nov 2026, 09:15 CET`. */
  dateTime(instant: string, timeZone?: string): string;
  countryName(code: string): string;
  /** Every country the platform knows, by name in the user's language, for a searchable picker. */
  readonly countryOptions: { value: string; label: string }[];
  /** What NumberInput needs to read and write numbers as the user's locale does. */
  separators: { thousandSeparator: string; decimalSeparator: string };
}

/**
 * One Format per locale for the whole app: Intl's formatters are costly to make, and every row of
 * a list asks for them. The country list is sorted only when a picker first asks for it.
 */
const formats = new Map<string, Format>();

function formatFor(locale: string): Format {
  const numberFormat = new Intl.NumberFormat(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
  const dateTimeFormat = (timeZone: string | undefined) => {
    const key = timeZone ?? "";
    let format = dateTimeFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZoneName: "short",
        timeZone,
      });
      dateTimeFormats.set(key, format);
    }
    return format;
  };
  const regionNames = new Intl.DisplayNames([locale], { type: "region" });
  const countryName = (code: string) => regionNames.of(code) ?? code;
  const part = (type: Intl.NumberFormatPartTypes) =>
    numberFormat.formatToParts(12345.6).find((p) => p.type === type)?.value ?? "";
  let countryOptions: Format["countryOptions"] | undefined;
  return {
    number: (value) => numberFormat.format(value),
    date: (calendarDate) => dateFormat.format(new Date(`${calendarDate}T00:00:00Z`)),
    dateTime: (instant, timeZone) => dateTimeFormat(timeZone).format(new Date(instant)),
    countryName,
    get countryOptions() {
      if (!countryOptions) {
        const collator = new Intl.Collator(locale);
        countryOptions = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code) }));
        countryOptions.sort((a, b) => collator.compare(a.label, b.label));
      }
      return countryOptions;
    },
    separators: { thousandSeparator: part("group"), decimalSeparator: part("decimal") },
  };
}

export function useFormat(): Format {
  const { locale } = useIntl();
  let format = formats.get(locale);
  if (!format) {
    format = formatFor(locale);
    formats.set(locale, format);
  }
  return format;
}
