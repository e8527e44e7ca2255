import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./settings";
import { settingsFromDraft, toDraft } from "./settings-draft";

describe("settingsFromDraft", () => {
  it("turns the typed threshold into a number", () => {
    expect(settingsFromDraft({ ...toDraft(DEFAULT_SETTINGS), deleteThreshold: " 40 " })).toEqual({ settings: { ...DEFAULT_SETTINGS, deleteThreshold: 40 } });
  });

  it("names the fields that stop a save", () => {
    expect(settingsFromDraft({ ...toDraft(DEFAULT_SETTINGS), notifyOnFailure: true, deleteThreshold: "0" })).toEqual({
      problems: { recipients: "Enter the email address that should receive failure notifications.", deleteThreshold: expect.stringMatching(/whole number from 1/) },
    });
    expect(settingsFromDraft({ ...toDraft(DEFAULT_SETTINGS), recipients: "nope", deleteThreshold: "ten" })).toEqual({
      problems: { recipients: expect.stringMatching(/not an email address/), deleteThreshold: expect.stringMatching(/whole number/) },
    });
  });
});
