import type { SecretPair } from "../engine/credentials";
import { CROSS_TENANT_DEMO_CREDENTIALS, SCIM_DEMO_CREDENTIALS } from "../targets/app-profiles";
import { hashGuid } from "../engine/random";
import { APP_ID, JOB, SP, XSS_DISPLAY_NAME } from "./ids";
import type { SchemaShape, ScopingFilter } from "./schemas";
import type { ServicePrincipalInput } from "./servicePrincipal";

/** The seed tenant's provisioning-capable apps: service principal, templates, saved secrets, jobs. */
export interface TemplateSeed {
  id: string;
  factoryTag: string;
  default: boolean;
  description: string;
  /** synchronizationMetadata entries, keyed in beta (camelCase) spelling. */
  metadata: Record<string, string>;
  shape: SchemaShape;
  settings?: { name: string; value: string }[];
}

/** Timeline events, in hours before the emulator starts (engine time). */
export type JobEvent = [operation: "create" | "start" | "pause", hoursAgo: number];

export interface JobSeed {
  id: string;
  templateId: string;
  escrowy?: boolean;
  timeline: JobEvent[];
}

export interface AppSeed {
  sp: ServicePrincipalInput;
  templates: TemplateSeed[];
  secrets?: SecretPair[];
  jobs: JobSeed[];
}

const GALLERY_TAGS = ["WindowsAzureActiveDirectoryIntegratedApp"];
const CUSTOM_TAGS = ["WindowsAzureActiveDirectoryIntegratedApp", "WindowsAzureActiveDirectoryCustomSingleSignOnApplication"];
const AAD = "Azure Active Directory";
const OUTBOUND_SETTINGS = [{ name: "QuarantineTooManyDeletesThreshold", value: "500" }];
const LEARN_MORE = "https://go.microsoft.com/fwlink/?linkid=2102553";

/** The cross-tenant job's scoping filter: enabled members only, so Fabrikam's guests in Project Falcon stay out of its scope. */
const MEMBERS_ONLY: ScopingFilter = {
  categoryFilterGroups: [],
  groups: [
    {
      name: "Members only",
      clauses: [
        { operatorName: "EQUALS", sourceOperandName: "userType", targetOperand: { values: ["Member"] } },
        { operatorName: "IS TRUE", sourceOperandName: "accountEnabled", targetOperand: { values: [] } },
      ],
    },
  ],
  inputFilterGroups: [],
};

function metadata(galleryId: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    galleryApplicationIdentifier: galleryId,
    galleryApplicationKey: galleryId.toLowerCase(),
    isOAuthEnabled: "false",
    isSynchronizationAgentAssignmentRequired: "false",
    isSynchronizationAgentRequired: "false",
    isSynchronizationInPreview: "false",
    synchronizationLearnMoreIbizaFwLink: LEARN_MORE,
    ...extra,
  };
}

function publisher(name: string) {
  return { displayName: name, verifiedPublisherId: String(1000000 + name.length * 7919), addedDateTime: "2021-04-24T17:49:44Z" };
}

const created = (daysAgo: number) => new Date(Date.UTC(2025, 0, 1) - daysAgo * 86_400_000).toISOString().slice(0, 19) + "Z";

/** The demo credentials the embedded SCIM-style targets accept (targets/app-profiles.ts), with default settings. */
export const GOOD_SECRETS: SecretPair[] = [
  { key: "BaseAddress", value: SCIM_DEMO_CREDENTIALS.BaseAddress },
  { key: "SecretToken", value: SCIM_DEMO_CREDENTIALS.SecretToken },
  { key: "SyncNotificationSettings", value: '{"Enabled":false,"DeleteThresholdEnabled":true,"DeleteThresholdValue":500}' },
  { key: "SyncAll", value: "false" },
];

export function gallerySeed(): AppSeed[] {
  return [
    {
      sp: {
        id: SP.box, appId: APP_ID.box, displayName: "Box", createdDateTime: created(400), publisherName: "Box, Inc.",
        verifiedPublisher: publisher("Box, Inc."), homepage: "https://account.box.com/login", tags: GALLERY_TAGS,
        applicationTemplateId: hashGuid("applicationTemplate:box"), preferredSingleSignOnMode: "saml",
      },
      templates: [{ id: "BoxOutDelta", factoryTag: "BoxOutDelta", default: true, description: "Provision users and groups to Box.", metadata: metadata("box", { isOAuthEnabled: "true" }), shape: { source: AAD, target: "Box", groups: true }, settings: OUTBOUND_SETTINGS }],
      secrets: GOOD_SECRETS,
      jobs: [{ id: JOB.boxPaused, templateId: "BoxOutDelta", timeline: [["create", 24 * 30], ["start", 24 * 30], ["pause", 24 * 2]] }],
    },
    {
      sp: {
        id: SP.salesforce, appId: APP_ID.salesforce, displayName: "Salesforce", createdDateTime: created(380), publisherName: "Salesforce",
        verifiedPublisher: publisher("Salesforce"), homepage: "https://login.salesforce.com", tags: GALLERY_TAGS,
        applicationTemplateId: hashGuid("applicationTemplate:salesforce"), preferredSingleSignOnMode: "saml",
      },
      templates: [{ id: "SfOutDelta", factoryTag: "SfOutDelta", default: true, description: "Provision users to Salesforce.", metadata: metadata("salesforce", { isOAuthEnabled: "true" }), shape: { source: AAD, target: "Salesforce", groups: false }, settings: OUTBOUND_SETTINGS }],
      secrets: [
        { key: "UserName", value: "admin@contoso-sfdc.example" },
        { key: "Password", value: "expired-password" },
        { key: "SyncAll", value: "false" },
      ],
      jobs: [{ id: JOB.salesforceQuarantined, templateId: "SfOutDelta", timeline: [["create", 24 * 4], ["start", 24 * 3]] }],
    },
    {
      sp: {
        id: SP.salesforceSandbox, appId: APP_ID.salesforceSandbox, displayName: "Salesforce Sandbox", createdDateTime: created(300), publisherName: "Salesforce",
        verifiedPublisher: publisher("Salesforce"), homepage: "https://test.salesforce.com", tags: GALLERY_TAGS,
        applicationTemplateId: hashGuid("applicationTemplate:salesforceSandbox"), preferredSingleSignOnMode: "saml",
      },
      templates: [{ id: "SfSandboxOutDelta", factoryTag: "SfSandboxOutDelta", default: true, description: "Provision users to a Salesforce sandbox.", metadata: metadata("salesforcesandbox"), shape: { source: AAD, target: "Salesforce", groups: false }, settings: OUTBOUND_SETTINGS }],
      jobs: [],
    },
    {
      sp: {
        id: SP.slack, appId: APP_ID.slack, displayName: "Slack", createdDateTime: created(350), publisherName: "Slack Technologies",
        verifiedPublisher: publisher("Slack Technologies"), homepage: "https://slack.com", tags: GALLERY_TAGS,
        applicationTemplateId: hashGuid("applicationTemplate:slack"), preferredSingleSignOnMode: "saml",
      },
      templates: [{ id: "Slack", factoryTag: "CustomSCIM", default: true, description: "Provision users and groups to Slack (SCIM 2.0).", metadata: metadata("slack", { isOAuthEnabled: "true" }), shape: { source: AAD, target: "Slack", groups: true }, settings: OUTBOUND_SETTINGS }],
      secrets: GOOD_SECRETS,
      jobs: [{ id: JOB.slackActive, templateId: "Slack", timeline: [["create", 24 * 12], ["start", 24 * 12]] }],
    },
    {
      sp: {
        id: SP.aws, appId: APP_ID.aws, displayName: "AWS IAM Identity Center", createdDateTime: created(320), publisherName: "Amazon Web Services, Inc.",
        verifiedPublisher: publisher("Amazon Web Services, Inc."), homepage: "https://signin.aws.amazon.com/saml", tags: GALLERY_TAGS,
        applicationTemplateId: "8b1025e4-1dd2-430b-a150-2ef79cd700f5", preferredSingleSignOnMode: "saml",
      },
      templates: [{ id: "aws", factoryTag: "aws", default: true, description: "Import roles from AWS accounts and provision users.", metadata: metadata("aws"), shape: { source: AAD, target: "AWS", groups: true, requiredUserAttributes: ["name.givenName", "name.familyName"] }, settings: OUTBOUND_SETTINGS }],
      secrets: GOOD_SECRETS,
      jobs: [{ id: JOB.awsActive, templateId: "aws", timeline: [["create", 24 * 6], ["start", 24 * 6]] }],
    },
    {
      sp: {
        id: SP.customScim, appId: APP_ID.customScim, displayName: "Contoso HR Portal (SCIM)", createdDateTime: created(20), publisherName: "Contoso",
        tags: CUSTOM_TAGS, applicationTemplateId: "8adf8e6e-67b2-4cf2-a259-e3dc5476c621", homepage: "https://hr.contoso.example",
      },
      templates: [{ id: "scim", factoryTag: "CustomSCIM", default: true, description: "Provision users and groups to any SCIM 2.0 endpoint.", metadata: metadata("scim"), shape: { source: AAD, target: "customappsso", groups: true } }],
      secrets: GOOD_SECRETS,
      // Started five engine minutes ago: still in its initial cycle (NotRun with progress).
      jobs: [{ id: JOB.customScimInitial, templateId: "scim", timeline: [["create", 1], ["start", 5 / 60]] }],
    },
    {
      sp: {
        id: SP.databricks, appId: APP_ID.databricks, displayName: "Azure Databricks SCIM Provisioning Connector", createdDateTime: created(40), publisherName: "Databricks",
        verifiedPublisher: publisher("Databricks"), tags: GALLERY_TAGS, applicationTemplateId: hashGuid("applicationTemplate:databricks"),
      },
      templates: [{ id: "dataBricks", factoryTag: "CustomSCIM", default: true, description: "Provision users and groups to Azure Databricks.", metadata: metadata("databricks"), shape: { source: AAD, target: "Databricks", groups: true }, settings: OUTBOUND_SETTINGS }],
      jobs: [{ id: JOB.databricksNotConfigured, templateId: "dataBricks", timeline: [["create", 24 * 3]] }],
    },
    {
      sp: {
        id: SP.githubEmu, appId: APP_ID.githubEmu, displayName: "GitHub Enterprise Managed User", createdDateTime: created(200), publisherName: "GitHub, Inc.",
        verifiedPublisher: publisher("GitHub, Inc."), homepage: "https://github.com/enterprises", tags: GALLERY_TAGS,
        applicationTemplateId: hashGuid("applicationTemplate:githubEmu"), preferredSingleSignOnMode: "saml",
      },
      templates: [{ id: "gitHubEnterpriseManagedUser", factoryTag: "CustomSCIM", default: true, description: "Provision managed users and groups to GitHub Enterprise.", metadata: metadata("githubenterprisemanageduser", { isOAuthEnabled: "true" }), shape: { source: AAD, target: "GitHub", groups: true }, settings: OUTBOUND_SETTINGS }],
      secrets: GOOD_SECRETS,
      jobs: [{ id: JOB.githubEscrows, templateId: "gitHubEnterpriseManagedUser", escrowy: true, timeline: [["create", 24 * 9], ["start", 24 * 9]] }],
    },
    {
      sp: {
        id: SP.zoom, appId: APP_ID.zoom, displayName: "Zoom", createdDateTime: created(150), publisherName: "Zoom Video Communications, Inc.",
        verifiedPublisher: publisher("Zoom Video Communications, Inc."), homepage: "https://zoom.us", tags: GALLERY_TAGS,
        applicationTemplateId: hashGuid("applicationTemplate:zoom"), preferredSingleSignOnMode: "saml",
      },
      templates: [{ id: "zoom", factoryTag: "CustomSCIM", default: true, description: "Provision users to Zoom.", metadata: metadata("zoom", { isOAuthEnabled: "true" }), shape: { source: AAD, target: "Zoom", groups: false }, settings: OUTBOUND_SETTINGS }],
      jobs: [],
    },
    {
      sp: {
        id: SP.crossTenant, appId: APP_ID.crossTenant, displayName: "Fabrikam cross-tenant sync", createdDateTime: created(60), publisherName: "Contoso",
        tags: ["WindowsAzureActiveDirectoryIntegratedApp"], applicationTemplateId: "518e5f48-1fc8-4c48-9387-9fdf28b0dfe7",
      },
      templates: [{ id: "Azure2Azure", factoryTag: "Azure2Azure", default: true, description: "Synchronize users to another Microsoft Entra tenant.", metadata: metadata("azure2azure"), shape: { source: AAD, target: "Azure Active Directory (target tenant)", groups: false, targetStyle: "directory", userScope: MEMBERS_ONLY }, settings: [...OUTBOUND_SETTINGS, { name: "AzureIngestionAttributeOptimization", value: "False" }, { name: "LookaheadQueryEnabled", value: "False" }] }],
      secrets: [{ key: "CompanyId", value: CROSS_TENANT_DEMO_CREDENTIALS.CompanyId }, { key: "AuthenticationType", value: "SyncPolicy" }],
      jobs: [{ id: JOB.crossTenantActive, templateId: "Azure2Azure", timeline: [["create", 24 * 20], ["start", 24 * 20]] }],
    },
    {
      sp: {
        id: SP.cloudSync, appId: APP_ID.cloudSync, displayName: "corp.contoso.example", createdDateTime: created(90), publisherName: "Contoso",
        tags: ["WindowsAzureActiveDirectoryIntegratedApp", "AzureADConnectCloudSync"], applicationTemplateId: "1a4721b3-e57f-4451-ae87-ef078703ec94",
      },
      templates: [
        { id: "AD2AADProvisioning", factoryTag: "AD2AADProvisioning", default: true, description: "Microsoft Entra Cloud Sync: users and groups from Active Directory.", metadata: metadata("ad2aadprovisioning", { isSynchronizationAgentRequired: "true", isSynchronizationAgentAssignmentRequired: "true" }), shape: { source: "Active Directory", target: AAD, groups: true, targetStyle: "directory" }, settings: OUTBOUND_SETTINGS },
        { id: "AD2AADPasswordHash", factoryTag: "AD2AADPasswordHash", default: false, description: "Microsoft Entra Cloud Sync: password hash synchronization.", metadata: metadata("ad2aadpasswordhash", { isSynchronizationAgentRequired: "true" }), shape: { source: "Active Directory", target: AAD, groups: false, targetStyle: "directory" } },
      ],
      secrets: [{ key: "Domain", value: '{"domain":"corp.contoso.example"}' }, { key: "AppKey", value: '{"appKeyScenario":"AD2AADProvisioning"}' }],
      jobs: [
        { id: JOB.cloudSyncProvisioning, templateId: "AD2AADProvisioning", timeline: [["create", 24 * 15], ["start", 24 * 15]] },
        { id: JOB.cloudSyncPasswordHash, templateId: "AD2AADPasswordHash", timeline: [["create", 24 * 15], ["start", 24 * 15], ["pause", 24 * 7]] },
      ],
    },
    {
      sp: {
        id: SP.inboundApi, appId: APP_ID.inboundApi, displayName: "API-driven provisioning to Microsoft Entra ID", createdDateTime: created(30), publisherName: "Contoso",
        tags: ["WindowsAzureActiveDirectoryIntegratedApp"], applicationTemplateId: hashGuid("applicationTemplate:api2aad"),
      },
      templates: [{ id: "API2AAD", factoryTag: "API2AAD", default: true, description: "Inbound provisioning from any system of record through the bulkUpload API.", metadata: metadata("api2aad"), shape: { source: "API", target: AAD, groups: false, targetStyle: "directory", provisionOnDemand: false } }],
      jobs: [{ id: JOB.inboundApi, templateId: "API2AAD", timeline: [["create", 24 * 10], ["start", 24 * 10]] }],
    },
    {
      sp: {
        id: SP.xss, appId: APP_ID.xss, displayName: XSS_DISPLAY_NAME, createdDateTime: created(5), publisherName: "<script>alert(2)</script>",
        tags: CUSTOM_TAGS, applicationTemplateId: "8adf8e6e-67b2-4cf2-a259-e3dc5476c621", notes: "<b>not bold</b>",
      },
      templates: [{ id: "scim", factoryTag: "CustomSCIM", default: true, description: "<i>Provision</i> users to a SCIM endpoint.", metadata: metadata("scim"), shape: { source: AAD, target: "customappsso", groups: true } }],
      jobs: [{ id: JOB.xssNotConfigured, templateId: "scim", timeline: [["create", 24]] }],
    },
  ];
}
