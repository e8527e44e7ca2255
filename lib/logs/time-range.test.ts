import { describe, expect, it } from "vitest";
import { parseUtcMinute } from "./time-range";

describe("parseUtcMinute", () => {
  it.each([
    ["2026-12-01T09:30", "2026-12-01T09:30"],
    ["2026-12-01T09:30:59Z", "2026-12-01T09:30"],
    ["2026-12-01T09:30:00.1234567Z", "2026-12-01T09:30"],
    ["2026-02-30T09:30", null],
    ["2026-12-01 09:30", null],
    ["2026-12-01T09:30+02:00", null],
  ])("%s → %s", (input, expected) => expect(parseUtcMinute(input)).toBe(expected));
});
