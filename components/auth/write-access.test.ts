import { describe, expect, it } from "vitest";
import { writeAccessFrom } from "./write-access";

describe("write access from granted scopes", () => {
  it("recognises Synchronization.ReadWrite.All, bare or prefixed, in any case", () => {
    expect(writeAccessFrom(["Application.Read.All", "Synchronization.ReadWrite.All"])).toBe("granted");
    expect(writeAccessFrom(["https://graph.microsoft.com/Synchronization.ReadWrite.All"])).toBe("granted");
    expect(writeAccessFrom(["synchronization.readwrite.all"])).toBe("granted");
  });
  it("does not take look-alikes", () => {
    expect(writeAccessFrom(["Synchronization.Read.All", "Application.Read.All"])).toBe("missing");
    expect(writeAccessFrom(["Synchronization.ReadWrite.All.Evil", "NotSynchronization.ReadWrite.All"])).toBe("missing");
  });
  it("reads an empty or missing list as unknown", () => {
    expect(writeAccessFrom(undefined)).toBe("unknown");
    expect(writeAccessFrom([])).toBe("unknown");
    expect(writeAccessFrom(["https://graph.microsoft.com/Synchronization.Read.All", "openid"])).toBe("missing");
    expect(writeAccessFrom(["https://graph.microsoft.com/Synchronization.ReadWrite.All"])).toBe("granted");
  });
});
