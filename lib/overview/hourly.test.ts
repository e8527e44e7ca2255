import { describe, expect, it } from "vitest";
import { describeHours, failuresByHour } from "./hourly";

const now = new Date("2026-12-01T14:37:00Z");

describe("failuresByHour", () => {
  it("has every UTC hour of the last 24 hours, partial ones at both ends, empty ones as 0", () => {
    const buckets = failuresByHour([], now);
    expect(buckets).toHaveLength(25);
    expect(buckets[0]).toEqual({ hour: "2026-11-30T14:00:00.000Z", count: 0, from: "2026-11-30T14:37:00.000Z", to: "2026-11-30T15:00:00.000Z", partial: true });
    expect(buckets[1]).toMatchObject({ hour: "2026-11-30T15:00:00.000Z", partial: false });
    expect(buckets[24]).toEqual({ hour: "2026-12-01T14:00:00.000Z", count: 0, from: "2026-12-01T14:00:00.000Z", to: "2026-12-01T14:37:00.000Z", partial: true });
    expect(buckets.every((bucket) => bucket.count === 0)).toBe(true);
  });

  it("counts each time in its UTC hour (offsets too); the current partial hour counts what has happened so far", () => {
    const buckets = failuresByHour(
      ["2026-12-01T14:36:59Z", "2026-12-01T14:00:00Z", "2026-12-01T13:59:59.999Z", "2026-12-01T15:10:00+02:00", "2026-11-30T14:37:01Z"],
      now,
    );
    const count = (hour: string) => buckets.find((bucket) => bucket.hour === hour)?.count;
    expect(count("2026-12-01T14:00:00.000Z")).toBe(2);
    expect(count("2026-12-01T13:00:00.000Z")).toBe(2); // 13:59:59.999Z and 15:10+02:00
    expect(count("2026-11-30T14:00:00.000Z")).toBe(1);
    expect(buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(5);
  });

  it("leaves out times at or before the window's start and ones that are no date; a time after now counts in the current hour", () => {
    const buckets = failuresByHour(["2026-11-30T14:37:00Z", "2026-11-29T00:00:00Z", "not a date", null, undefined, "2026-12-01T14:38:00Z", "2026-12-01T16:00:00Z"], now);
    expect(buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(2);
    expect(buckets[24].count).toBe(2);
  });

  it("on the hour: the first hour is whole and the current one has just begun", () => {
    const buckets = failuresByHour(["2026-12-01T14:00:00Z"], new Date("2026-12-01T14:00:00Z"));
    expect(buckets).toHaveLength(25);
    expect(buckets[0]).toMatchObject({ hour: "2026-11-30T14:00:00.000Z", partial: false });
    expect(buckets[24]).toMatchObject({ hour: "2026-12-01T14:00:00.000Z", count: 1, partial: true });
  });
});

describe("describeHours", () => {
  it("sums the chart up in one sentence", () => {
    expect(describeHours(failuresByHour([], now))).toBe("Failures per UTC hour, last 24 hours: 0 in total.");
    const buckets = failuresByHour(["2026-12-01T09:10:00Z", "2026-12-01T09:20:00Z", "2026-12-01T11:00:00Z"], now);
    expect(describeHours(buckets)).toBe("Failures per UTC hour, last 24 hours: 3 in total; the most, 2, in the hour from 2026-12-01 09:00; 23 of 25 hours had none.");
  });
});
