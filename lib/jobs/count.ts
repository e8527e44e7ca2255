/** Int64 counts as Graph sends them: numbers, or numeric strings under IEEE754Compatible. */

/** A non-negative whole count; anything missing or unreadable is 0. */
export function toCount(value: unknown): number {
  const number = typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value) : NaN;
  return Number.isFinite(number) && number > 0 ? Math.trunc(number) : 0;
}

/** A whole number as Intl.NumberFormat("en") writes it ("1,025"), without building an Intl formatter (see lib/format/date.ts). */
export function formatCount(value: number): string {
  return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
