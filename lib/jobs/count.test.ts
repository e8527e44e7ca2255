import { describe, expect, it } from "vitest";
import { toCount } from "./count";

describe("toCount", () => {
  it("takes numbers and numeric strings (IEEE754Compatible); anything else is 0", () => {
    expect([toCount(5), toCount("42"), toCount(" 7 "), toCount(3.9), toCount(-2), toCount("x"), toCount(null), toCount("")]).toEqual([5, 42, 7, 3, 0, 0, 0, 0]);
  });
});
