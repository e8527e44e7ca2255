/** ISO 8601 durations as Graph writes them (`PT40M`, `P10675199DT2H48M5.4775807S`). */
export const TIMESPAN_MAX = "P10675199DT2H48M5.4775807S";

const PATTERN = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds in a day/time duration, or null when it is not one. */
export function parseDurationMs(value: string): number | null {
  const match = PATTERN.exec(value);
  if (!match || value === "P" || value.endsWith("T")) return null;
  const [d, h, m, s] = match.slice(1).map((part) => (part ? Number(part) : 0));
  return ((d * 24 + h) * 60 + m) * 60_000 + s * 1000;
}
