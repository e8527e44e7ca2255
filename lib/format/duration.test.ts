import { describe, expect, it } from "vitest";
import { describeInterval, parseIsoDuration } from "./duration";

describe("parseIsoDuration", () => {
  it.each([
    ["PT40M", 40 * 60_000],
    ["PT20M", 20 * 60_000],
    ["P1DT2H", 26 * 3_600_000],
    ["PT0.5S", 500],
    ["P2W", 14 * 86_400_000],
    ["pt1h", 3_600_000],
  ])("%s → %d ms", (value, ms) => {
    expect(parseIsoDuration(value)).toBeCloseTo(ms, 6);
  });

  it("reads .NET TimeSpan.MaxValue with its fractional seconds", () => {
    expect(parseIsoDuration("P10675199DT2H48M5.4775807S")).toBeCloseTo(922_337_203_685_477.5807, 0);
  });

  it.each(["", "P", "PT", "40M", "P1DT", "PT-5M", "every 40 minutes", null, undefined])("rejects %j", (value) => {
    expect(parseIsoDuration(value)).toBeNull();
  });
});

describe("describeInterval", () => {
  it.each([
    ["P10675199DT2H48M5.4775807S", "Not scheduled"],
    ["P29000Y", "Not scheduled"],
    ["P11000000D", "Not scheduled"],
    ["PT40M", "Every 40 minutes"],
    ["PT1M", "Every minute"],
    ["PT1H", "Every hour"],
    ["P1D", "Every day"],
    ["PT2H30M", "Every 2 hours 30 minutes"],
    ["PT0S", "Continuously"],
  ])("%s reads %s", (value, words) => {
    expect(describeInterval(value)).toBe(words);
  });

  it("shows an unparseable interval as given rather than guessing", () => {
    expect(describeInterval("sometimes")).toBe("Interval sometimes");
    expect(describeInterval(null)).toBe("No interval");
  });
});
