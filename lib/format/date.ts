import { formatCount } from "./count";

/** Graph's date-times as people read them: "Never" for the 0001-01-01 sentinel, relative with the absolute time. */

export type DateText = { kind: "never" } | { kind: "unset" } | { kind: "date"; iso: string; relative: string; absolute: string };

/** Non-nullable DateTimeOffsets that never happened are year 1 (`0001-01-01T00:00:00Z`). */
export function isNeverDate(value: string): boolean {
  return /^0001-01-01/.test(value.trim());
}

/**
 * Plain code, not Intl: the first Intl formatter a page builds loads ICU locale data, one of the longest
 * main-thread tasks of a console page (~35 ms at startup). The tests check these against
 * Intl.RelativeTimeFormat("en", { numeric: "auto" }) and Intl.DateTimeFormat("en-GB", medium, UTC).
 */
type Unit = "year" | "month" | "day" | "hour" | "minute" | "second";

const UNITS: [Unit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

/** What `numeric: "auto"` says instead of ±1 (and 0 seconds). */
const NEXT: Partial<Record<Unit, string>> = { year: "next year", month: "next month", day: "tomorrow" };
const LAST: Partial<Record<Unit, string>> = { year: "last year", month: "last month", day: "yesterday" };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];

const twoDigits = (value: number) => String(value).padStart(2, "0");

function formatRelative(value: number, unit: Unit): string {
  if (value === 0) return "now"; // only seconds reach 0: larger units are chosen only when |value| ≥ 1
  if (value === 1 && NEXT[unit]) return NEXT[unit];
  if (value === -1 && LAST[unit]) return LAST[unit];
  const amount = Math.abs(value);
  const words = `${formatCount(amount)} ${unit}${amount === 1 ? "" : "s"}`;
  return value > 0 ? `in ${words}` : `${words} ago`;
}

/** "29 Nov 2026, 11:20:00" (en-GB, medium date and time, UTC) */
function formatAbsolute(date: Date): string {
  return (
    `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ` +
    `${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}:${twoDigits(date.getUTCSeconds())}`
  );
}

export function relativeTime(date: Date, now: Date): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const [unit, size] = UNITS.find(([, length]) => Math.abs(seconds) >= length) ?? ["second", 1];
  return formatRelative(Math.trunc(seconds / size), unit);
}

/** Empty strings and nulls (the docs' quarantine example sends "") read as unset, not as a date. */
export function describeDate(value: string | null | undefined, now: Date = new Date()): DateText {
  if (!value?.trim()) return { kind: "unset" };
  if (isNeverDate(value)) return { kind: "never" };
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return { kind: "unset" };
  return { kind: "date", iso: date.toISOString(), relative: relativeTime(date, now), absolute: `${formatAbsolute(date)} UTC` };
}
