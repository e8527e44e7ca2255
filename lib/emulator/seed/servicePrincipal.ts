import { TENANT_ID } from "../auth/personas";

/** A servicePrincipal with every property Graph returns by default (v1.0 shape). */
export type ServicePrincipal = Record<string, unknown> & { id: string; appId: string; displayName: string; tags: string[] };

export interface ServicePrincipalInput {
  id: string;
  appId: string;
  displayName: string;
  createdDateTime: string;
  appOwnerOrganizationId?: string;
  applicationTemplateId?: string | null;
  publisherName?: string | null;
  verifiedPublisher?: { displayName: string; verifiedPublisherId: string; addedDateTime: string } | null;
  homepage?: string | null;
  loginUrl?: string | null;
  tags?: string[];
  description?: string | null;
  notes?: string | null;
  preferredSingleSignOnMode?: string | null;
  appRoles?: unknown[];
  oauth2PermissionScopes?: unknown[];
  servicePrincipalType?: string;
  signInAudience?: string;
  replyUrls?: string[];
  logoUrl?: string | null;
}

export function servicePrincipal(input: ServicePrincipalInput): ServicePrincipal {
  return {
    id: input.id,
    deletedDateTime: null,
    accountEnabled: true,
    alternativeNames: [],
    appDisplayName: input.displayName,
    appDescription: null,
    appId: input.appId,
    applicationTemplateId: input.applicationTemplateId ?? null,
    appOwnerOrganizationId: input.appOwnerOrganizationId ?? TENANT_ID,
    appRoleAssignmentRequired: false,
    createdDateTime: input.createdDateTime,
    description: input.description ?? null,
    disabledByMicrosoftStatus: null,
    displayName: input.displayName,
    homepage: input.homepage ?? null,
    loginUrl: input.loginUrl ?? null,
    logoutUrl: null,
    notes: input.notes ?? null,
    notificationEmailAddresses: [],
    preferredSingleSignOnMode: input.preferredSingleSignOnMode ?? null,
    preferredTokenSigningKeyThumbprint: null,
    publisherName: input.publisherName ?? null,
    replyUrls: input.replyUrls ?? [],
    servicePrincipalNames: [input.appId],
    servicePrincipalType: input.servicePrincipalType ?? "Application",
    signInAudience: input.signInAudience ?? "AzureADMyOrg",
    tags: input.tags ?? [],
    tokenEncryptionKeyId: null,
    samlSingleSignOnSettings: null,
    addIns: [],
    appRoles: input.appRoles ?? [],
    endpoints: [],
    info: {
      logoUrl: input.logoUrl ?? null,
      marketingUrl: null,
      privacyStatementUrl: null,
      supportUrl: null,
      termsOfServiceUrl: null,
    },
    keyCredentials: [],
    oauth2PermissionScopes: input.oauth2PermissionScopes ?? [],
    passwordCredentials: [],
    resourceSpecificApplicationPermissions: [],
    verifiedPublisher: input.verifiedPublisher ?? { displayName: null, verifiedPublisherId: null, addedDateTime: null },
  };
}
