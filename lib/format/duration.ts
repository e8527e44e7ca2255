/** ISO 8601 durations as the synchronization API writes them (days, fractional seconds, .NET TimeSpan.MaxValue). */

const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const MS = { year: 365.25 * 86_400_000, month: 30.4375 * 86_400_000, week: 7 * 86_400_000, day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1000 };

/** Anything this long (TimeSpan.MaxValue is ≈ 29,227 years) means the job has no schedule. */
export const NOT_SCHEDULED_THRESHOLD_MS = 29_000 * MS.year;

/** Milliseconds in an ISO 8601 duration, or null when it is not one. Months and years are average lengths. */
export function parseIsoDuration(value: string | null | undefined): number | null {
  const match = ISO_DURATION.exec(value?.trim() ?? "");
  if (!match || value!.trim() === "P" || value!.trim().endsWith("T")) return null;
  const [, y, mo, w, d, h, mi, s] = match.map((part) => (part === undefined ? 0 : Number(part)));
  return y * MS.year + mo * MS.month + w * MS.week + d * MS.day + h * MS.hour + mi * MS.minute + s * MS.second;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/** "Every 40 minutes", "Every 2 hours 30 minutes", "Every day"; "Not scheduled" for TimeSpan.MaxValue. */
export function describeInterval(value: string | null | undefined): string {
  const ms = parseIsoDuration(value);
  if (ms === null) return value ? `Interval ${value}` : "No interval";
  if (ms >= NOT_SCHEDULED_THRESHOLD_MS) return "Not scheduled";
  if (ms === 0) return "Continuously";
  let rest = Math.round(ms / 1000);
  const parts: string[] = [];
  for (const [unit, seconds] of [["day", 86_400], ["hour", 3_600], ["minute", 60], ["second", 1]] as const) {
    const count = Math.floor(rest / seconds);
    if (count > 0) parts.push(plural(count, unit));
    rest -= count * seconds;
  }
  if (parts.length === 1 && parts[0].startsWith("1 ")) return `Every ${parts[0].slice(2)}`;
  return `Every ${parts.join(" ")}`;
}
