import dayjs from "dayjs";
import duration from "dayjs/plugin/duration.js";

dayjs.extend(duration);

/**
 * ISO 8601 durations in exact units: weeks, days, hours, minutes, seconds (`P3D`, `PT2H`,
 * `P1DT2H30M`). Months and years are left out: their length depends on where they start.
 */
const EXACT_DURATION = /^P(?=\d|T\d)(\d+W)?(\d+D)?(?:T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/** The length of an exact ISO 8601 duration in milliseconds, or null if it is not one. */
export function durationMs(iso: string): number | null {
  return EXACT_DURATION.test(iso) ? dayjs.duration(iso).asMilliseconds() : null;
}

/** An offset in milliseconds as an exact ISO 8601 duration in days, hours, minutes and seconds. */
export function toIsoDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const [d, h, m, s] = [
    Math.floor(seconds / 86_400),
    Math.floor((seconds % 86_400) / 3600),
    Math.floor((seconds % 3600) / 60),
    seconds % 60,
  ];
  const time = `${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s ? `${s}S` : ""}`;
  if (!d && !time) return "PT0S";
  return `P${d ? `${d}D` : ""}${time ? `T${time}` : ""}`;
}
