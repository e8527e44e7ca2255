import type { ProvisioningSettings } from "./settings";
import { parseThreshold, recipientsProblem, thresholdProblem } from "./value-rules";

/** The settings as the form holds them: the threshold is the text typed. */
export type SettingsDraft = Omit<ProvisioningSettings, "deleteThreshold"> & { deleteThreshold: string };

export type SettingsField = "recipients" | "deleteThreshold";

export const toDraft = (settings: ProvisioningSettings): SettingsDraft => ({ ...settings, deleteThreshold: String(settings.deleteThreshold) });

/** The problems of the recipients and the threshold, by field. */
export function settingsProblems(settings: Omit<ProvisioningSettings, "deleteThreshold"> & { deleteThreshold: unknown }): Partial<Record<SettingsField, string>> {
  const problems: Partial<Record<SettingsField, string>> = {};
  const recipients = recipientsProblem(settings.recipients, settings.notifyOnFailure);
  if (recipients) problems.recipients = recipients;
  const threshold = thresholdProblem(settings.deleteThreshold);
  if (threshold) problems.deleteThreshold = threshold;
  return problems;
}

/** The settings a save sends, or the problems that stop it. */
export function settingsFromDraft(draft: SettingsDraft): { settings: ProvisioningSettings } | { problems: Partial<Record<SettingsField, string>> } {
  const settings = { ...draft, deleteThreshold: parseThreshold(draft.deleteThreshold) };
  const problems = settingsProblems(settings);
  return Object.keys(problems).length ? { problems } : { settings };
}
