import { appProfile, type AppProfile } from "../targets/app-profiles";
import type { SyncError } from "./types";

export interface SecretPair {
  key: string;
  value: string | null;
}

const valueOf = (secrets: readonly SecretPair[], key: string) => secrets.find((pair) => pair.key.toLowerCase() === key.toLowerCase())?.value ?? null;

/** A tenant URL compares without its trailing slash and with the host in any case. */
function sameValue(key: string, given: string, accepted: string): boolean {
  if (key !== "BaseAddress") return given === accepted;
  const normal = (url: string) => {
    try {
      const parsed = new URL(url.trim());
      return `${parsed.protocol}//${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, "")}`;
    } catch {
      return null;
    }
  };
  return normal(given) !== null && normal(given) === normal(accepted);
}

/** Whether the embedded target accepts these credentials: every field it needs is there and is the demo value. */
export function credentialsAccepted(profile: AppProfile, secrets: readonly SecretPair[]): boolean {
  return profile.fields.every((field) => {
    const given = valueOf(secrets, field.key);
    const accepted = profile.accepts[field.key];
    if (given === null || given.trim() === "") return !field.required;
    return accepted === undefined || sameValue(field.key, given, accepted);
  });
}

/** The connector's error when the app behind `factoryTag` refuses these credentials (missing ones included); null when it connects. */
export function credentialErrorFor(secrets: readonly SecretPair[], factoryTag: string | null): SyncError | null {
  const profile = appProfile(factoryTag);
  return credentialsAccepted(profile, secrets) ? null : profile.refused;
}
