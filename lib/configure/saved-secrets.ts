import type { CredentialField } from "./fields";
import { CREDENTIAL_MATERIAL_KEYS, isMaskedValue } from "./secret-keys";

/**
 * One saved pair of `synchronization/secrets` as the console keeps it: a secret's value is never kept, only
 * that it is saved (`masked`). Graph masks secrets on GET; the console masks them again in case it did not.
 */
export interface SavedSecret {
  key: string;
  /** The value in clear for settings and identifiers; null for a masked secret (and for a saved null). */
  value: string | null;
  /** Graph holds a value for it that it does not show. */
  masked: boolean;
}

/** Graph's saved pairs with every secret value replaced by `masked` (credential material, and `secretKeys`). */
export function toSavedSecrets(pairs: readonly { key: string; value?: string | null }[], secretKeys: ReadonlySet<string> = CREDENTIAL_MATERIAL_KEYS): SavedSecret[] {
  return pairs.map(({ key, value = null }) => {
    const hidden = secretKeys.has(key) || CREDENTIAL_MATERIAL_KEYS.has(key) || isMaskedValue(value);
    return hidden ? { key, value: null, masked: Boolean(value) } : { key, value, masked: false };
  });
}

export const savedPair = (saved: readonly SavedSecret[], key: string) => saved.find((pair) => pair.key === key);

/** Whether Graph holds a value for `key` (masked or in clear). */
export function isSaved(saved: readonly SavedSecret[], key: string): boolean {
  const pair = savedPair(saved, key);
  return Boolean(pair && (pair.masked || (pair.value ?? "").trim() !== ""));
}

export type CredentialsStatus = "saved" | "incomplete" | "missing" | "not-needed";

/** Whether the application's required admin credentials are saved: all, some, none, or it needs none. */
export function credentialsStatus(fields: readonly CredentialField[], saved: readonly SavedSecret[]): CredentialsStatus {
  const required = fields.filter((field) => field.required);
  if (required.length === 0) return "not-needed";
  const present = required.filter((field) => isSaved(saved, field.key)).length;
  return present === required.length ? "saved" : present === 0 ? "missing" : "incomplete";
}
