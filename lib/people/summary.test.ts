import { describe, expect, it } from "vitest";
import { NOTHING_TEXT, nothingText, requestsText, unconcernedText, withoutJobsText } from "./summary";

describe("the sentences around a person's rows", () => {
  it("counts the footnote's requests and round trips in words", () => {
    expect(requestsText(8, 2)).toBe("8 Graph requests in 2 round trips");
    expect(requestsText(5, 1)).toBe("5 Graph requests in 1 round trip");
    expect(requestsText(1, 1)).toBe("1 Graph request in 1 round trip");
  });

  it("says plainly how many other apps with jobs don't concern the person", () => {
    expect(unconcernedText(11, 2)).toBe("11 other apps with provisioning jobs don't concern them: not assigned, and no provisioning events.");
    expect(unconcernedText(1, 1)).toBe("1 other app with provisioning jobs doesn't concern them: not assigned, and no provisioning events.");
    expect(unconcernedText(12, 0)).toBe("12 apps with provisioning jobs don't concern them: not assigned, and no provisioning events.");
    expect(unconcernedText(0, 3)).toBe("Every app with a provisioning job concerns them.");
    expect(unconcernedText(1234, 1)).toMatch(/^1,234 other apps/);
    expect(unconcernedText(3, 0, { assignments: false, events: true })).toBe("3 apps with provisioning jobs don't concern them, as far as could be read: not assigned, and no provisioning events.");
  });

  it("names the apps assigned without a provisioning job, and says nothing when there are none", () => {
    expect(withoutJobsText(["Zoom"])).toBe("Also assigned to 1 app without a provisioning job: Zoom.");
    expect(withoutJobsText([])).toBeNull();
  });

  it("says nothing concerns them only when everything could be read", () => {
    expect(nothingText({ assignments: true, events: true })).toBe(NOTHING_TEXT);
    expect(NOTHING_TEXT).toBe("Not assigned to any app with provisioning, and no provisioning events in the last 30 days.");
    expect(nothingText({ assignments: false, events: true })).toBe("No app with provisioning found for them, but some of their app assignments could not be read (see above): there may be some.");
    expect(nothingText({ assignments: true, events: false })).toMatch(/but their provisioning events could not be read/);
    expect(nothingText({ assignments: false, events: false })).toMatch(/but some of their app assignments and their provisioning events could not be read/);
  });
});
