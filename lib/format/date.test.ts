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
