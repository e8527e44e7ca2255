import type { SyncError } from "./types";

/**
 * Saved credentials the emulator recognises as bad (documented in README): a credential value that
 * contains "invalid", "expired" or "revoked", or an empty SecretToken/Password/ClientSecret.
 * Settings-like keys (SyncAll, SyncNotificationSettings, …) are not credentials.
 */
const NOT_CREDENTIALS = new Set(["syncall", "syncnotificationsettings", "skipoutofscopedeletions", "synchronizationschedule", "appkey", "domain"]);
const MUST_NOT_BE_EMPTY = new Set(["secrettoken", "password", "clientsecret"]);

export interface SecretPair {
  key: string;
  value: string | null;
}

export function findBadCredential(secrets: readonly SecretPair[]): SecretPair | null {
  for (const pair of secrets) {
    const key = pair.key.toLowerCase();
    if (NOT_CREDENTIALS.has(key)) continue;
    const value = pair.value ?? "";
    if (/invalid|expired|revoked/i.test(value)) return pair;
    if (MUST_NOT_BE_EMPTY.has(key) && value.trim() === "") return pair;
  }
  return null;
}

/** The error a connector reports for bad credentials, by factory tag (Salesforce's is from the docs). */
export function credentialError(factoryTag: string | null): SyncError {
  switch ((factoryTag ?? "").toLowerCase()) {
    case "sfoutdelta":
    case "sfsandboxoutdelta":
      return {
        code: "SalesforceInvalidCredentials",
        message:
          "Your Salesforce.com credentials are invalid.  Please obtain a current Salesforce.com administrative user name, password and security token, and enter those in the screen for configuring user provisioning",
        tenantActionable: true,
      };
    case "customscim":
    case "scim":
      return {
        code: "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable",
        message:
          "We are having trouble connecting to your application. The secret token or tenant URL you provided is not valid. Verify the credentials and try again.",
        tenantActionable: true,
      };
    default:
      return {
        code: "InvalidCredentials",
        message: "The credentials provided for the target application are not valid. Update the admin credentials and start the job again.",
        tenantActionable: true,
      };
  }
}

export function credentialErrorFor(secrets: readonly SecretPair[], factoryTag: string | null): SyncError | null {
  return findBadCredential(secrets) ? credentialError(factoryTag) : null;
}
