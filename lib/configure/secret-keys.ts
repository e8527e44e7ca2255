/**
 * The keys Graph accepts in `synchronization/secrets` (the enum `synchronizationSecret`, matched exactly) and
 * what the console knows about them: which hold credential material (Graph masks them on GET, and the console
 * never sends a masked value back), and which two are the provisioning settings the Configure screen owns.
 */
export const SYNCHRONIZATION_SECRET_KEYS = [
  "None", "UserName", "Password", "SecretToken", "AppKey", "BaseAddress", "ClientIdentifier", "ClientSecret", "SingleSignOnType",
  "Sandbox", "Url", "Domain", "ConsumerKey", "ConsumerSecret", "TokenKey", "TokenExpiration", "Oauth2AccessToken",
  "Oauth2AccessTokenCreationTime", "Oauth2RefreshToken", "SyncAll", "InstanceName", "Oauth2ClientId", "Oauth2ClientSecret", "CompanyId",
  "UpdateKeyOnSoftDelete", "SynchronizationSchedule", "SystemOfRecord", "SandboxName", "EnforceDomain", "SyncNotificationSettings",
  "SkipOutOfScopeDeletions", "Oauth2AuthorizationCode", "Oauth2RedirectUri", "ApplicationTemplateIdentifier", "Oauth2TokenExchangeUri",
  "Oauth2AuthorizationUri", "AuthenticationType", "Server", "PerformInboundEntitlementGrants", "HardDeletesEnabled",
  "SyncAgentCompatibilityKey", "SyncAgentADContainer", "ValidateDomain", "TestReferences", "ConnectionString",
] as const;

export type SecretKey = (typeof SYNCHRONIZATION_SECRET_KEYS)[number];

const KEYS: ReadonlySet<string> = new Set(SYNCHRONIZATION_SECRET_KEYS);
export const isSecretKey = (key: unknown): key is SecretKey => typeof key === "string" && KEYS.has(key);

/** Keys whose values are credential material (passwords, tokens, client secrets, OAuth grants, connection strings). */
export const CREDENTIAL_MATERIAL_KEYS: ReadonlySet<string> = new Set([
  "Password", "SecretToken", "ClientSecret", "ConsumerSecret", "TokenKey", "Oauth2AccessToken", "Oauth2RefreshToken",
  "Oauth2ClientSecret", "Oauth2AuthorizationCode", "ConnectionString",
]);

/** The settings the Configure screen owns besides the credentials. */
export const NOTIFICATION_KEY = "SyncNotificationSettings";
export const SCOPE_KEY = "SyncAll";

/**
 * How a secret Graph keeps to itself reads back: the mask (`*****` in the Entra portal and the emulator). Graph
 * documents no format, so any run of asterisks counts; such a value is never sent back.
 */
export const isMaskedValue = (value: string | null | undefined): boolean => typeof value === "string" && /^\*+$/.test(value);
