import { describe, expect, it, vi } from "vitest";
import { COPY_MESSAGES, copyText } from "./copy-text";

describe("copyText", () => {
  it("writes the text to the clipboard", async () => {
    const writeText = vi.fn(async () => undefined);
    await expect(copyText("BoxOutDelta.7928", { writeText })).resolves.toBe("copied");
    expect(writeText).toHaveBeenCalledWith("BoxOutDelta.7928");
  });

  it("reports failure when the clipboard refuses or is missing", async () => {
    await expect(copyText("x", { writeText: async () => Promise.reject(new DOMException("denied", "NotAllowedError")) })).resolves.toBe("failed");
    await expect(copyText("x", undefined)).resolves.toBe("failed");
    await expect(copyText("x", {} as Clipboard)).resolves.toBe("failed");
  });

  it("has words for each outcome", () => {
    expect(COPY_MESSAGES.copied).toBe("Copied");
    expect(COPY_MESSAGES.failed).toMatch(/Couldn't copy/);
    expect(COPY_MESSAGES.idle).toBe("");
  });
});
