import { credentialPairs, type TypedCredentials } from "./credential-problems";
import type { CredentialField } from "./fields";
import type { SavedSecret } from "./saved-secrets";
import { isMaskedValue, NOTIFICATION_KEY, SCOPE_KEY } from "./secret-keys";
import { parseSettings, settingsPairs, type ProvisioningSettings } from "./settings";

export interface SecretsPut {
  /** The whole set for `PUT …/synchronization/secrets`, in the saved order, new keys last. */
  pairs: { key: string; value: string | null }[];
  /** Saved keys the set no longer holds: masked secrets the screen does not own (Graph never shows them), blank optional fields. */
  dropped: string[];
  /** "Sync all" vs "only assigned" changed: it takes effect after a restart. */
  scopeChanged: boolean;
}

/** The keys the Configure screen writes: the application's credential fields and the two settings. */
const ownedKeys = (fields: readonly CredentialField[]) => new Set<string>([...fields.map((field) => field.key), NOTIFICATION_KEY, SCOPE_KEY]);

/**
 * The full set to PUT: Graph replaces every saved pair and masks secrets on GET, so the set is built from
 * the typed credentials and settings (which the screen owns), plus each saved pair it does not own — unless
 * Graph masked it, because a masked value is never sent back. Call it with validated input only.
 */
export function buildSecretsPut(input: {
  fields: readonly CredentialField[];
  saved: readonly SavedSecret[];
  credentials: TypedCredentials;
  settings: ProvisioningSettings;
}): SecretsPut {
  const { fields, saved, credentials, settings } = input;
  const owned = new Map<string, string>();
  for (const { key, value } of [...credentialPairs(fields, credentials), ...settingsPairs(settings, saved)]) {
    if (isMaskedValue(value)) throw new Error(`Refusing to send a masked value for ${key}.`);
    owned.set(key, value);
  }
  const owns = ownedKeys(fields);
  const pairs: SecretsPut["pairs"] = [];
  const placed = new Set<string>();
  for (const pair of saved) {
    if (placed.has(pair.key)) continue;
    if (owns.has(pair.key)) {
      if (owned.has(pair.key)) pairs.push({ key: pair.key, value: owned.get(pair.key)! });
    } else if (!pair.masked) {
      pairs.push({ key: pair.key, value: pair.value });
    }
    placed.add(pair.key);
  }
  for (const [key, value] of owned) if (!placed.has(key)) pairs.push({ key, value });
  const kept = new Set(pairs.map((pair) => pair.key));
  return {
    pairs,
    dropped: [...new Set(saved.map((pair) => pair.key))].filter((key) => !kept.has(key)),
    scopeChanged: parseSettings(saved).syncAll !== settings.syncAll,
  };
}

/** Saved keys a save would remove although the admin cannot see them: masked secrets the screen does not own. */
export function hiddenSecretsLost(fields: readonly CredentialField[], saved: readonly SavedSecret[]): string[] {
  const owns = ownedKeys(fields);
  return saved.filter((pair) => pair.masked && !owns.has(pair.key)).map((pair) => pair.key);
}
