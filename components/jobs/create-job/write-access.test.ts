import { describe, expect, it } from "vitest";
import { hasSyncWriteScope, writeAccessFrom } from "./write-access";

describe("write access from granted scopes", () => {
  it("recognises Synchronization.ReadWrite.All, bare or prefixed, in any case", () => {
    expect(hasSyncWriteScope(["Application.Read.All", "Synchronization.ReadWrite.All"])).toBe(true);
    expect(hasSyncWriteScope(["https://graph.microsoft.com/Synchronization.ReadWrite.All"])).toBe(true);
    expect(hasSyncWriteScope(["synchronization.readwrite.all"])).toBe(true);
  });
  it("does not take look-alikes", () => {
    expect(hasSyncWriteScope(["Synchronization.Read.All", "Application.Read.All"])).toBe(false);
    expect(hasSyncWriteScope(["Synchronization.ReadWrite.All.Evil", "NotSynchronization.ReadWrite.All"])).toBe(false);
  });
  it("reads an empty or missing list as unknown", () => {
    expect(writeAccessFrom(undefined)).toBe("unknown");
    expect(writeAccessFrom([])).toBe("unknown");
    expect(writeAccessFrom(["https://graph.microsoft.com/Synchronization.Read.All", "openid"])).toBe("missing");
    expect(writeAccessFrom(["https://graph.microsoft.com/Synchronization.ReadWrite.All"])).toBe("granted");
  });
});
