import { describe, expect, it } from "vitest";
import { readSyncExcerpt } from "@/test/support/csdl";
import { isMaskedValue, isSecretKey, SYNCHRONIZATION_SECRET_KEYS } from "./secret-keys";

describe("synchronizationSecret keys", () => {
  it.each(["v1.0", "beta"] as const)("are the members of the %s CSDL enum", (version) => {
    expect(SYNCHRONIZATION_SECRET_KEYS).toEqual(readSyncExcerpt(version).enums.get("synchronizationSecret")?.members);
  });

  it("are matched exactly", () => {
    expect(isSecretKey("SecretToken")).toBe(true);
    for (const key of ["secrettoken", "SecretToken ", "__proto__", "toString", 3, null]) expect(isSecretKey(key)).toBe(false);
  });
});

describe("isMaskedValue", () => {
  it("is any run of asterisks, nothing else", () => {
    expect(isMaskedValue("*****")).toBe(true);
    expect(isMaskedValue("*")).toBe(true);
    for (const value of ["", "a*****", "***** ", null, undefined]) expect(isMaskedValue(value)).toBe(false);
  });
});
