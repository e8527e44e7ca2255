/** A whole number as Intl.NumberFormat("en") writes it ("1,025"), without building an Intl formatter (see ./date.ts). */
export function formatCount(value: number): string {
  return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
