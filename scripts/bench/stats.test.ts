import { describe, expect, it } from "vitest";
import { criticalPathDepth, median, percentile } from "./stats";

describe("bench statistics", () => {
  it("computes nearest-rank percentiles", () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(median(values)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile([42], 95)).toBe(42);
  });

  it("counts parallel requests as one round trip and chained ones as several", () => {
    expect(criticalPathDepth([])).toBe(0);
    expect(criticalPathDepth([{ end: 110, durationMs: 10 }, { end: 112, durationMs: 11 }])).toBe(1);
    expect(criticalPathDepth([{ end: 110, durationMs: 10 }, { end: 130, durationMs: 15 }, { end: 150, durationMs: 10 }])).toBe(3);
    expect(criticalPathDepth([{ end: 110, durationMs: 10 }, { end: 111, durationMs: 10 }, { end: 140, durationMs: 20 }])).toBe(2);
  });
});
