/** Graph's date-times as people read them: "Never" for the 0001-01-01 sentinel, relative with the absolute time. */

export type DateText = { kind: "never" } | { kind: "unset" } | { kind: "date"; iso: string; relative: string; absolute: string };

/** Non-nullable DateTimeOffsets that never happened are year 1 (`0001-01-01T00:00:00Z`). */
export function isNeverDate(value: string): boolean {
  return /^0001-01-01/.test(value.trim());
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const absoluteFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

export function relativeTime(date: Date, now: Date): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === "second") {
      return relativeFormat.format(Math.trunc(seconds / size), unit);
    }
  }
  return relativeFormat.format(0, "second");
}

/** Empty strings and nulls (the docs' quarantine example sends "") read as unset, not as a date. */
export function describeDate(value: string | null | undefined, now: Date = new Date()): DateText {
  if (!value?.trim()) return { kind: "unset" };
  if (isNeverDate(value)) return { kind: "never" };
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return { kind: "unset" };
  return { kind: "date", iso: date.toISOString(), relative: relativeTime(date, now), absolute: `${absoluteFormat.format(date)} UTC` };
}
