import { savedPair, type SavedSecret } from "./saved-secrets";
import { NOTIFICATION_KEY, SCOPE_KEY } from "./secret-keys";
import { normalizeRecipients } from "./value-rules";

/**
 * The provisioning settings of the Configure screen, kept by Graph in two saved pairs (SYNC-API §4.3):
 * `SyncNotificationSettings`, a JSON object in a string (`Enabled`, `Recipients`, `DeleteThresholdEnabled`
 * default true, `DeleteThresholdValue` default 500), and `SyncAll` ("true": every user and group, not only the
 * assigned ones).
 */
export interface ProvisioningSettings {
  /** "Send an email notification when a failure occurs". */
  notifyOnFailure: boolean;
  /** Who gets it: addresses separated by ";". */
  recipients: string;
  /** "Prevent accidental deletions". */
  preventAccidentalDeletes: boolean;
  /** With the value 500, at most 499 deletes are allowed per cycle. */
  deleteThreshold: number;
  /** "Sync all users and groups" instead of "Sync only assigned users and groups". */
  syncAll: boolean;
}

export const DEFAULT_DELETE_THRESHOLD = 500;
export const DEFAULT_SETTINGS: ProvisioningSettings = {
  notifyOnFailure: false,
  recipients: "",
  preventAccidentalDeletes: true,
  deleteThreshold: DEFAULT_DELETE_THRESHOLD,
  syncAll: false,
};

/** The saved notification object (unknown members included), or an empty one when there is none or it is not JSON. */
export function savedNotificationObject(saved: readonly SavedSecret[]): Record<string, unknown> {
  const value = savedPair(saved, NOTIFICATION_KEY)?.value;
  if (!value) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Graph writes booleans as JSON booleans, but the settings are strings at heart: accept "true"/"false" too. */
function flag(value: unknown, fallback: boolean): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  return fallback;
}

function threshold(value: unknown): number {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) && number > 0 ? number : DEFAULT_DELETE_THRESHOLD;
}

/** The saved settings, with Graph's defaults for what is not saved. */
export function parseSettings(saved: readonly SavedSecret[]): ProvisioningSettings {
  const notification = savedNotificationObject(saved);
  return {
    notifyOnFailure: flag(notification.Enabled, DEFAULT_SETTINGS.notifyOnFailure),
    recipients: typeof notification.Recipients === "string" ? notification.Recipients : "",
    preventAccidentalDeletes: flag(notification.DeleteThresholdEnabled, DEFAULT_SETTINGS.preventAccidentalDeletes),
    deleteThreshold: threshold(notification.DeleteThresholdValue),
    syncAll: flag(savedPair(saved, SCOPE_KEY)?.value, DEFAULT_SETTINGS.syncAll),
  };
}

/** The two saved pairs for `settings`; members of the saved notification object the screen does not show are kept. */
export function settingsPairs(settings: ProvisioningSettings, saved: readonly SavedSecret[]): { key: string; value: string }[] {
  const { Recipients: _recipients, ...kept } = savedNotificationObject(saved);
  const recipients = normalizeRecipients(settings.recipients);
  const notification = {
    ...kept,
    Enabled: settings.notifyOnFailure,
    ...(recipients ? { Recipients: recipients } : {}),
    DeleteThresholdEnabled: settings.preventAccidentalDeletes,
    DeleteThresholdValue: settings.deleteThreshold,
  };
  return [
    { key: NOTIFICATION_KEY, value: JSON.stringify(notification) },
    { key: SCOPE_KEY, value: settings.syncAll ? "true" : "false" },
  ];
}
