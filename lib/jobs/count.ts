/** Int64 counts as Graph sends them: numbers, or numeric strings under IEEE754Compatible. */

/** A non-negative whole count; anything missing or unreadable is 0. */
export function toCount(value: unknown): number {
  const number = typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value) : NaN;
  return Number.isFinite(number) && number > 0 ? Math.trunc(number) : 0;
}
