import { describe, expect, it } from "vitest";
import { formatCount } from "./count";

describe("formatCount", () => {
  it("writes whole numbers as Intl.NumberFormat('en') does", () => {
    const intl = new Intl.NumberFormat("en");
    const values = [0, 1, 12, 999, 1_000, 1_025, 99_999, 100_000, 1_234_567, 9_007_199_254_740_991, -1, -1_000, -1_234_567];
    for (const value of values) expect(formatCount(value), String(value)).toBe(intl.format(value));
  });
});
