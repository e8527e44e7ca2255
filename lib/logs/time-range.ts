/** The logs' time ranges: relative ones end when the logs are read; a custom one is two UTC minutes. */

export type TimeRange = "any" | "24h" | "7d" | "30d" | "custom";

export const TIME_RANGES: Record<TimeRange, { label: string; hours: number | null }> = {
  any: { label: "Any time (logs are kept 30 days)", hours: null },
  "24h": { label: "Last 24 hours", hours: 24 },
  "7d": { label: "Last 7 days", hours: 7 * 24 },
  "30d": { label: "Last 30 days", hours: 30 * 24 },
  custom: { label: "Custom range (UTC)", hours: null },
};
export const RANGE_CODES = Object.keys(TIME_RANGES) as TimeRange[];

const MINUTE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d{1,7})?)?Z?$/;

/** `2026-12-01T10:30` (seconds and a trailing Z accepted, then dropped), or null when it is no real UTC time. */
export function parseUtcMinute(value: string): string | null {
  const match = MINUTE.exec(value.trim());
  if (!match) return null;
  const date = new Date(`${match[1]}:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(match[1]) ? match[1] : null;
}

/** Epoch ms of a `parseUtcMinute` value. */
export const utcMinuteTime = (minute: string): number => Date.parse(`${minute}:00Z`);
