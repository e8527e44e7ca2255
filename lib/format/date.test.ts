import { describe, expect, it } from "vitest";
import { describeDate, isNeverDate, relativeTime } from "./date";

const now = new Date("2026-11-29T12:00:00Z");

describe("describeDate", () => {
  it("reads the year-1 sentinel as never", () => {
    expect(isNeverDate("0001-01-01T00:00:00Z")).toBe(true);
    expect(describeDate("0001-01-01T00:00:00Z", now)).toEqual({ kind: "never" });
    expect(describeDate("0001-01-01T00:00:00.0000000+00:00", now)).toEqual({ kind: "never" });
  });

  it("reads empty strings, nulls and garbage as unset", () => {
    expect(describeDate("", now)).toEqual({ kind: "unset" });
    expect(describeDate(null, now)).toEqual({ kind: "unset" });
    expect(describeDate("yesterday", now)).toEqual({ kind: "unset" });
  });

  it("gives a relative time and the absolute UTC time", () => {
    expect(describeDate("2026-11-29T11:20:00Z", now)).toEqual({
      kind: "date",
      iso: "2026-11-29T11:20:00.000Z",
      relative: "40 minutes ago",
      absolute: "29 Nov 2026, 11:20:00 UTC",
    });
  });
});

describe("relativeTime", () => {
  it.each([
    ["2026-11-29T12:00:30Z", "in 30 seconds"],
    ["2026-11-29T14:00:00Z", "in 2 hours"],
    ["2026-11-28T12:00:00Z", "yesterday"],
    ["2026-09-29T12:00:00Z", "2 months ago"],
    ["2026-11-29T12:00:00Z", "now"],
  ])("%s → %s", (iso, words) => {
    expect(relativeTime(new Date(iso), now)).toBe(words);
  });
});

describe("the plain-code formatters write what Intl writes", () => {
  const intlRelative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const intlAbsolute = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [["year", 31_536_000], ["month", 2_592_000], ["day", 86_400], ["hour", 3_600], ["minute", 60], ["second", 1]];
  const offsets = [0, 1, 2, 29, 59, 60, 61, 119, 3_599, 3_600, 7_200, 86_399, 86_400, 172_800, 2_591_999, 2_592_000, 5_184_000, 31_535_999, 31_536_000, 63_072_000, 31_536_000_000];
  let seed = 7;
  const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;

  it("relative: every unit, ±1 (tomorrow, last month…), 0, plurals and thousands", () => {
    const all = [...offsets, ...Array.from({ length: 300 }, () => Math.floor(random() * 400_000_000))];
    for (const offset of all.flatMap((o) => [o, -o])) {
      const seconds = offset;
      const [unit, size] = UNITS.find(([, length]) => Math.abs(seconds) >= length) ?? ["second", 1];
      const expected = intlRelative.format(Math.trunc(seconds / size), unit);
      expect(relativeTime(new Date(now.getTime() + seconds * 1000), now), `${seconds} s`).toBe(expected);
    }
  });

  it("absolute: en-GB medium date and time in UTC, every month, single-digit days and hours", () => {
    for (let i = 0; i < 500; i++) {
      const date = new Date(Date.UTC(1970 + Math.floor(random() * 130), Math.floor(random() * 12), 1 + Math.floor(random() * 28), Math.floor(random() * 24), Math.floor(random() * 60), Math.floor(random() * 60)));
      const described = describeDate(date.toISOString(), now);
      expect(described.kind === "date" && described.absolute).toBe(`${intlAbsolute.format(date)} UTC`);
    }
  });
});
