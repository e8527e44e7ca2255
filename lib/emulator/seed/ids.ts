/**
 * Deterministic ids of the seed tenant, for tests and demos. Service principal ids are object ids;
 * job ids are `<templateId>.<32 hex>`.
 */
export const SP = {
  box: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01",
  salesforce: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d02",
  slack: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d03",
  aws: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d04",
  customScim: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d05",
  databricks: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d06",
  githubEmu: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d07",
  zoom: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d08",
  crossTenant: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d09",
  cloudSync: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d0a",
  inboundApi: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d0b",
  salesforceSandbox: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d0c",
  /** displayName `<img src=x onerror=alert(1)>`: the UI must render it as text. */
  xss: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d66",
  microsoftGraph: "5a1e0c77-7e0f-4b3c-8f21-6d2c9b0a1f01",
  exchangeOnline: "5a1e0c77-7e0f-4b3c-8f21-6d2c9b0a1f02",
  sharePointOnline: "5a1e0c77-7e0f-4b3c-8f21-6d2c9b0a1f03",
  microsoftTeams: "5a1e0c77-7e0f-4b3c-8f21-6d2c9b0a1f04",
  azurePortal: "5a1e0c77-7e0f-4b3c-8f21-6d2c9b0a1f05",
  officeHome: "5a1e0c77-7e0f-4b3c-8f21-6d2c9b0a1f06",
  intune: "5a1e0c77-7e0f-4b3c-8f21-6d2c9b0a1f07",
} as const;

export const APP_ID = {
  box: "a9f2d8b1-1c3e-4f5a-8b6d-0e1f2a3b4c01",
  salesforce: "a9f2d8b1-1c3e-4f5a-8b6d-0e1f2a3b4c02",
  slack: "a9f2d8b1-1c3e-4f5a-8b6d-0e1f2a3b4c03",
  aws: "a9f2d8b1-1c3e-4f5a-8b6d-0e1f2a3b4c04",
  customScim: "a9f2d8b1-1c3e-4f5a-8b6d-0e1f2a3b4c05",
  databricks: "a9f2d8b1-1c3e-4f5a-8b6d-0e1f2a3b4c06",
  githubEmu: "a9f2d8b1-1c3e-4f5a-8b6d-0e1f2a3b4c07",
  zoom: "a9f2d8b1-1c3e-4f5a-8b6d-0e1f2a3b4c08",
  crossTenant: "a9f2d8b1-1c3e-4f5a-8b6d-0e1f2a3b4c09",
  cloudSync: "a9f2d8b1-1c3e-4f5a-8b6d-0e1f2a3b4c0a",
  inboundApi: "a9f2d8b1-1c3e-4f5a-8b6d-0e1f2a3b4c0b",
  salesforceSandbox: "a9f2d8b1-1c3e-4f5a-8b6d-0e1f2a3b4c0c",
  xss: "a9f2d8b1-1c3e-4f5a-8b6d-0e1f2a3b4c66",
  microsoftGraph: "00000003-0000-0000-c000-000000000000",
  exchangeOnline: "00000002-0000-0ff1-ce00-000000000000",
  sharePointOnline: "00000003-0000-0ff1-ce00-000000000000",
  microsoftTeams: "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe",
  azurePortal: "c44b4083-3bb0-49c1-b47d-974e53cbdf3c",
  officeHome: "4765445b-32c6-49b0-83e6-1d93765276ca",
  intune: "0000000a-0000-0000-c000-000000000000",
} as const;

export const JOB = {
  /** Box: paused (BoxOutDelta, as in the docs examples). */
  boxPaused: "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01",
  /** Salesforce: quarantined with SalesforceInvalidCredentials (bad saved secrets). */
  salesforceQuarantined: "SfOutDelta.e4bbf44533ea4eabb17027f3a92e9202",
  /** Slack: active, steady state for days. */
  slackActive: "Slack.2b1f0c9d8e7a4b6c9d0e1f2a3b4c5d03",
  /** AWS: active, steady state. */
  awsActive: "aws.5d4c3b2a1f0e4d9c8b7a6f5e4d3c2b04",
  /** Custom SCIM app: initial cycle running (NotRun with progress). */
  customScimInitial: "scim.9a8b7c6d5e4f40312a1b2c3d4e5f6a05",
  /** Databricks: created, never started (NotConfigured). */
  databricksNotConfigured: "dataBricks.0f1e2d3c4b5a49687f6e5d4c3b2a1906",
  /** GitHub EMU: active with entry-level errors (escrows) every other cycle. */
  githubEscrows: "gitHubEnterpriseManagedUser.6a5b4c3d2e1f40918a7b6c5d4e3f2a07",
  /** Cross-tenant sync: active. */
  crossTenantActive: "Azure2Azure.1c2d3e4f5a6b47c8d9e0f1a2b3c4d509",
  /** Cloud sync: users/groups active, password hash paused. */
  cloudSyncProvisioning: "AD2AADProvisioning.fc96887f36da47508c935c28a0c0b60a",
  cloudSyncPasswordHash: "AD2AADPasswordHash.3e2d1c0b9a8f47e6d5c4b3a2f1e0d90a",
  /** API-driven inbound provisioning: active (bulkUpload target). */
  inboundApi: "API2AAD.b16687d38faf42adb29892cdcaf01c0b",
  /** The XSS-named app: NotConfigured. */
  xssNotConfigured: "scim.c0ffee00c0ffee00c0ffee00c0ffee66",
} as const;

/** Service principals in the seed before `scale` adds generated ones. */
export const SEED_SP_IDS: readonly string[] = Object.values(SP);
export const XSS_DISPLAY_NAME = "<img src=x onerror=alert(1)>";
export const MICROSOFT_TENANT_ID = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
