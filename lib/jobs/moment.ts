import { describeDate } from "@/lib/format/date";

/** A date-time with its words decided: relative text for real dates, a sentinel phrase otherwise. */
export type Moment = { kind: "date"; text: string; iso: string; absolute: string } | { kind: "never" | "unset"; text: string };

export function toMoment(value: unknown, now: Date, words: { never?: string; unset?: string } = {}): Moment {
  const described = describeDate(typeof value === "string" ? value : null, now);
  if (described.kind === "date") return { kind: "date", text: described.relative, iso: described.iso, absolute: described.absolute };
  if (described.kind === "never") return { kind: "never", text: words.never ?? "Never" };
  return { kind: "unset", text: words.unset ?? "Not set" };
}
