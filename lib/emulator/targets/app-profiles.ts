import { NOT_ABLE_TO_CONNECT, VALIDATION_UNAVAILABLE } from "../connectors/scim/codes";
import type { SyncError } from "../engine/types";

/**
 * What each kind of target app needs to connect, and what the embedded target accepts (the demo
 * credentials, documented in the README). Keyed by the template's factory tag.
 *
 * Graph names the credential keys (`synchronizationSecret`) and the template metadata key
 * `configurationFields`, but documents neither which keys an app asks for nor that key's value: the
 * fields below, and their JSON in `configurationFields`, are the emulator's choice.
 */
export interface CredentialField {
  /** A `synchronizationSecret` key. */
  key: string;
  /** How the Entra admin center labels it. */
  label: string;
  secret: boolean;
  required: boolean;
  /** The value must be an https URL. */
  httpsUrl?: boolean;
}

export interface AppProfile {
  /** Empty: the app does not connect with admin credentials (an agent, a policy or an API does). */
  fields: CredentialField[];
  /** The values the embedded target accepts, by key. */
  accepts: Record<string, string>;
  /** What its connector reports when the credentials are refused. */
  refused: SyncError;
}

const TENANT_URL: CredentialField = { key: "BaseAddress", label: "Tenant URL", secret: false, required: true, httpsUrl: true };
const SECRET_TOKEN: CredentialField = { key: "SecretToken", label: "Secret token", secret: true, required: true };

export const SCIM_DEMO_CREDENTIALS = { BaseAddress: "https://scim.example.com/v2", SecretToken: "s3cr3t-token-value" } as const;
export const SALESFORCE_DEMO_CREDENTIALS = { UserName: "admin@contoso-sfdc.example", Password: "Sfdc-Demo-2026", SecretToken: "sfdc-security-token" } as const;
export const CROSS_TENANT_DEMO_CREDENTIALS = { CompanyId: "9f3a2b1c-0d4e-4f5a-8b6c-7d8e9f0a1b2c" } as const;

const SCIM: AppProfile = {
  fields: [TENANT_URL, SECRET_TOKEN],
  accepts: SCIM_DEMO_CREDENTIALS,
  refused: {
    // Entra's words for a SCIM app it could not validate (observed: lib/emulator/README.md, "Test connection").
    code: VALIDATION_UNAVAILABLE,
    message: NOT_ABLE_TO_CONNECT,
    tenantActionable: true,
  },
};

const SALESFORCE: AppProfile = {
  fields: [
    { key: "UserName", label: "Admin Username", secret: false, required: true },
    { key: "Password", label: "Admin Password", secret: true, required: true },
    { key: "SecretToken", label: "Secret Token", secret: true, required: false },
  ],
  accepts: SALESFORCE_DEMO_CREDENTIALS,
  refused: {
    // The docs' own example of a quarantine (SYNC-API §4.1 synchronizationQuarantine).
    code: "SalesforceInvalidCredentials",
    message:
      "Your Salesforce.com credentials are invalid.  Please obtain a current Salesforce.com administrative user name, password and security token, and enter those in the screen for configuring user provisioning",
    tenantActionable: true,
  },
};

const CROSS_TENANT: AppProfile = {
  fields: [{ key: "CompanyId", label: "Tenant Id", secret: false, required: true }],
  accepts: CROSS_TENANT_DEMO_CREDENTIALS,
  refused: {
    // The provisioning logs' error table (Entra docs, concept-provisioning-logs: cross-tenant synchronization).
    code: "AzureDirectoryB2BManagementPolicyCheckFailure",
    message: "The cross-tenant synchronization policy allowing automatic redemption failed.",
    tenantActionable: true,
  },
};

const NO_CREDENTIALS: AppProfile = { fields: [], accepts: {}, refused: SCIM.refused };

const BY_FACTORY_TAG: Record<string, AppProfile> = {
  sfoutdelta: SALESFORCE,
  sfsandboxoutdelta: SALESFORCE,
  azure2azure: CROSS_TENANT,
  ad2aadprovisioning: NO_CREDENTIALS,
  ad2aadpasswordhash: NO_CREDENTIALS,
  api2aad: NO_CREDENTIALS,
};

/** The profile of a template's app; SCIM-style (tenant URL + secret token) unless its factory tag says otherwise. */
export function appProfile(factoryTag: string | null | undefined): AppProfile {
  return BY_FACTORY_TAG[(factoryTag ?? "").toLowerCase()] ?? SCIM;
}

/** The template metadata entry that lists the fields (value: JSON, the emulator's format). */
export function configurationFieldsEntry(factoryTag: string): { key: string; value: string } | null {
  const { fields } = appProfile(factoryTag);
  return fields.length ? { key: "configurationFields", value: JSON.stringify(fields) } : null;
}
