import { formatCount } from "@/lib/format/count";

/**
 * Failures per UTC hour over a window that ends now. The window (`since`, `now`] is the logs' "last 24 hours"
 * (so the chart and the /logs link count the same entries), which starts and ends inside an hour: the buckets
 * are every UTC hour it touches — the partial hour it starts in, the full ones, and the current partial hour —
 * 25 for 24 hours. Empty hours are there with 0.
 */

const HOUR_MS = 3_600_000;

export interface HourBucket {
  /** The UTC hour's start, ISO (`2026-12-01T14:00:00.000Z`). */
  hour: string;
  count: number;
  /** The part of the hour inside the window: the first and the last bucket are partial. */
  from: string;
  to: string;
  partial: boolean;
}

const floorHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;

/**
 * `times` are entries' `activityDateTime`s. One at or before `since` is left out (Graph's filter is `gt`); one
 * after `now` (Graph's clock ahead of this one) counts in the current hour; one that is no date is left out.
 */
export function failuresByHour(times: readonly (string | null | undefined)[], now: Date, hours = 24): HourBucket[] {
  const end = now.getTime();
  const start = end - hours * HOUR_MS;
  const first = floorHour(start);
  const last = floorHour(end);
  const counts = new Array<number>((last - first) / HOUR_MS + 1).fill(0);
  for (const time of times) {
    const ms = time ? Date.parse(time) : NaN;
    if (Number.isNaN(ms) || ms <= start) continue;
    counts[Math.min(counts.length - 1, (floorHour(ms) - first) / HOUR_MS)]++;
  }
  return counts.map((count, i) => {
    const hour = first + i * HOUR_MS;
    const from = Math.max(hour, start);
    const to = Math.min(hour + HOUR_MS, end);
    return { hour: new Date(hour).toISOString(), count, from: new Date(from).toISOString(), to: new Date(to).toISOString(), partial: from > hour || to < hour + HOUR_MS };
  });
}

/** "14:00" (UTC) of a bucket's hour. */
export const hourLabel = (iso: string) => iso.slice(11, 16);
/** "2026-12-01 14:00" (UTC): the first and the last bucket share their hour of day. */
export const dayHourLabel = (iso: string) => `${iso.slice(0, 10)} ${hourLabel(iso)}`;

/** The chart in one sentence (its accessible name): the total, the busiest hour, how many hours had none. */
export function describeHours(buckets: readonly HourBucket[]): string {
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  const head = `Failures per UTC hour, last 24 hours: ${formatCount(total)} in total`;
  if (total === 0) return `${head}.`;
  const busiest = buckets.reduce((best, bucket) => (bucket.count > best.count ? bucket : best));
  const quiet = buckets.filter((bucket) => bucket.count === 0).length;
  return `${head}; the most, ${formatCount(busiest.count)}, in the hour from ${dayHourLabel(busiest.hour)}; ${formatCount(quiet)} of ${formatCount(buckets.length)} hours had none.`;
}
