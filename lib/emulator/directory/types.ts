/**
 * Graph JSON shapes of the directory: user, group, appRoleAssignment (v1.0 property names; beta differs only
 * in appRoleAssignment.creationTimestamp). Property lists come from the Graph CSDL (`msgraph-metadata`,
 * v1.0-Prod and beta-USNat, see test/fixtures/graph-docs/metadata/) and the docs pages in
 * test/fixtures/graph-docs/docs/. Nothing here is sent as-is: `graph/directoryObjects.ts` projects.
 */

export interface ObjectIdentity {
  signInType: string;
  issuer: string;
  issuerAssignedId: string | null;
}

/** A user as Graph stores it (every property the emulator keeps; the rest of the CSDL reads as null). */
export type DirectoryUser = {
  id: string;
  deletedDateTime: string | null;
  accountEnabled: boolean;
  ageGroup: string | null;
  assignedLicenses: unknown[];
  assignedPlans: unknown[];
  birthday: string;
  businessPhones: string[];
  city: string | null;
  companyName: string | null;
  consentProvidedForMinor: string | null;
  country: string | null;
  createdDateTime: string;
  creationType: string | null;
  department: string | null;
  deviceEnrollmentLimit: number;
  displayName: string;
  employeeHireDate: string | null;
  employeeId: string | null;
  employeeType: string | null;
  externalUserState: string | null;
  externalUserStateChangeDateTime: string | null;
  faxNumber: string | null;
  givenName: string | null;
  hireDate: string;
  identities: ObjectIdentity[];
  imAddresses: string[];
  interests: string[];
  jobTitle: string | null;
  lastPasswordChangeDateTime: string | null;
  legalAgeGroupClassification: string | null;
  mail: string | null;
  mailNickname: string;
  mobilePhone: string | null;
  officeLocation: string | null;
  onPremisesSyncEnabled: boolean | null;
  onPremisesProvisioningErrors: unknown[];
  otherMails: string[];
  pastProjects: string[];
  postalCode: string | null;
  preferredLanguage: string | null;
  provisionedPlans: unknown[];
  proxyAddresses: string[];
  responsibilities: string[];
  schools: string[];
  securityIdentifier: string;
  serviceProvisioningErrors: unknown[];
  showInAddressList: boolean | null;
  signInSessionsValidFromDateTime: string | null;
  skills: string[];
  state: string | null;
  streetAddress: string | null;
  surname: string | null;
  usageLocation: string | null;
  userPrincipalName: string;
  userType: "Member" | "Guest";
};

/** A group as Graph stores it. Members are kept by the `Directory`, not on the object. */
export type DirectoryGroup = {
  id: string;
  deletedDateTime: string | null;
  assignedLabels: unknown[];
  assignedLicenses: unknown[];
  classification: string | null;
  createdDateTime: string;
  description: string | null;
  displayName: string;
  expirationDateTime: string | null;
  groupTypes: string[];
  infoCatalogs: string[];
  isAssignableToRole: boolean | null;
  mail: string | null;
  mailEnabled: boolean;
  mailNickname: string;
  membershipRule: string | null;
  membershipRuleProcessingState: string | null;
  onPremisesDomainName: string | null;
  onPremisesLastSyncDateTime: string | null;
  onPremisesNetBiosName: string | null;
  onPremisesProvisioningErrors: unknown[];
  onPremisesSamAccountName: string | null;
  onPremisesSecurityIdentifier: string | null;
  onPremisesSyncEnabled: boolean | null;
  preferredDataLocation: string | null;
  preferredLanguage: string | null;
  proxyAddresses: string[];
  renewedDateTime: string;
  resourceBehaviorOptions: string[];
  resourceProvisioningOptions: string[];
  securityEnabled: boolean;
  securityIdentifier: string;
  serviceProvisioningErrors: unknown[];
  theme: string | null;
  visibility: string | null;
};

/** An appRoleAssignment in v1.0 spelling (`createdDateTime`; beta calls it `creationTimestamp`). */
export type AppRoleAssignment = {
  id: string;
  deletedDateTime: string | null;
  appRoleId: string;
  createdDateTime: string;
  principalDisplayName: string | null;
  principalId: string;
  principalType: "User" | "Group" | "ServicePrincipal";
  resourceDisplayName: string | null;
  resourceId: string;
};

/** Graph's app role id for "assigned to the app without a specific role" (appRoleAssignment docs). */
export const DEFAULT_APP_ROLE_ID = "00000000-0000-0000-0000-000000000000";

/** user-get / user-list: "By default, only a limited set of properties are returned (…)", in the docs' example order. */
export const USER_DEFAULT_PROPERTIES = [
  "businessPhones",
  "displayName",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
  "id",
] as const;

/**
 * The basic profile User.ReadBasic.All may read (permissions reference, "User permissions" remarks:
 * displayName, givenName, mail, photo, surname, userPrincipalName), plus the key.
 */
export const USER_BASIC_PROPERTIES = new Set(["id", "displayName", "givenName", "mail", "surname", "userPrincipalName"]);

/** user-list: "only supported when retrieving a single user"; on the collection Graph answers 501. */
export const USER_SINGLE_ONLY_PROPERTIES = new Set([
  "aboutMe", "birthday", "hireDate", "interests", "mySite", "pastProjects", "preferredName", "responsibilities", "schools", "skills", "mailboxSettings",
]);

/** Structural properties of microsoft.graph.user in v1.0-Prod CSDL, plus id and deletedDateTime (directoryObject). */
export const USER_PROPERTIES_V1 = [
  "id", "deletedDateTime",
  "aboutMe", "accountEnabled", "ageGroup", "assignedLicenses", "assignedPlans", "authorizationInfo", "birthday", "businessPhones", "city", "companyName",
  "consentProvidedForMinor", "country", "createdDateTime", "creationType", "customSecurityAttributes", "department", "deviceEnrollmentLimit", "displayName",
  "employeeHireDate", "employeeId", "employeeLeaveDateTime", "employeeOrgData", "employeeType", "externalUserState", "externalUserStateChangeDateTime",
  "faxNumber", "givenName", "hireDate", "identities", "identityParentId", "imAddresses", "interests", "isManagementRestricted", "isResourceAccount", "jobTitle",
  "lastPasswordChangeDateTime", "legalAgeGroupClassification", "licenseAssignmentStates", "mail", "mailboxSettings", "mailNickname", "mobilePhone", "mySite",
  "officeLocation", "onPremisesDistinguishedName", "onPremisesDomainName", "onPremisesExtensionAttributes", "onPremisesImmutableId",
  "onPremisesLastSyncDateTime", "onPremisesProvisioningErrors", "onPremisesSamAccountName", "onPremisesSecurityIdentifier", "onPremisesSyncEnabled",
  "onPremisesUserPrincipalName", "otherMails", "passwordPolicies", "passwordProfile", "pastProjects", "postalCode", "preferredDataLocation",
  "preferredLanguage", "preferredName", "print", "provisionedPlans", "proxyAddresses", "responsibilities", "schools", "securityIdentifier",
  "serviceProvisioningErrors", "showInAddressList", "signInActivity", "signInSessionsValidFromDateTime", "skills", "state", "streetAddress", "surname",
  "usageLocation", "userPrincipalName", "userType",
] as const;

/** Properties the beta-USNat CSDL has and v1.0-Prod has not (beta accepts the v1.0 ones as well). */
export const USER_PROPERTIES_BETA_EXTRA = ["cloudLicensing", "cloudRealtimeCommunicationInfo", "deviceKeys", "infoCatalogs", "refreshTokensValidFromDateTime"] as const;

/** group-get "Example 1: Return all default properties" (v1.0), in the docs' order. */
export const GROUP_DEFAULT_PROPERTIES = [
  "id", "deletedDateTime", "classification", "createdDateTime", "description", "displayName", "expirationDateTime", "groupTypes", "isAssignableToRole",
  "mail", "mailEnabled", "mailNickname", "membershipRule", "membershipRuleProcessingState", "onPremisesDomainName", "onPremisesLastSyncDateTime",
  "onPremisesNetBiosName", "onPremisesSamAccountName", "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "preferredDataLocation", "preferredLanguage",
  "proxyAddresses", "renewedDateTime", "resourceBehaviorOptions", "resourceProvisioningOptions", "securityEnabled", "securityIdentifier", "theme",
  "visibility", "onPremisesProvisioningErrors",
] as const;

/** group-get / group-list: "hasMembersWithLicenseErrors and isArchived … are not returned in the $select query". */
export const GROUP_NOT_SELECTABLE = new Set(["hasMembersWithLicenseErrors", "isArchived"]);

/** Structural properties of microsoft.graph.group in v1.0-Prod CSDL, plus id and deletedDateTime. */
export const GROUP_PROPERTIES_V1 = [
  "id", "deletedDateTime",
  "accessType", "allowExternalSenders", "assignedLabels", "assignedLicenses", "autoSubscribeNewMembers", "classification", "createdDateTime", "description",
  "displayName", "expirationDateTime", "groupTypes", "hasMembersWithLicenseErrors", "hideFromAddressLists", "hideFromOutlookClients", "infoCatalogs",
  "isArchived", "isAssignableToRole", "isFavorite", "isManagementRestricted", "isSubscribedByMail", "licenseProcessingState", "mail", "mailEnabled",
  "mailNickname", "membershipRule", "membershipRuleProcessingState", "onPremisesDomainName", "onPremisesExtensionAttributes", "onPremisesLastSyncDateTime",
  "onPremisesNetBiosName", "onPremisesProvisioningErrors", "onPremisesSamAccountName", "onPremisesSecurityIdentifier", "onPremisesSyncEnabled",
  "organizationId", "preferredDataLocation", "preferredLanguage", "proxyAddresses", "renewedDateTime", "resourceBehaviorOptions",
  "resourceProvisioningOptions", "securityEnabled", "securityIdentifier", "serviceProvisioningErrors", "theme", "uniqueName", "unseenConversationsCount",
  "unseenCount", "unseenMessagesCount", "visibility", "welcomeMessageEnabled",
] as const;

export const GROUP_PROPERTIES_BETA_EXTRA = ["cloudLicensing", "createdByAppId", "membershipRuleProcessingStatus"] as const;

/** appRoleAssignment in the v1.0 CSDL and docs example order; beta replaces createdDateTime by creationTimestamp. */
export const APP_ROLE_ASSIGNMENT_PROPERTIES_V1 = [
  "id", "deletedDateTime", "appRoleId", "createdDateTime", "principalDisplayName", "principalId", "principalType", "resourceDisplayName", "resourceId",
] as const;
export const APP_ROLE_ASSIGNMENT_PROPERTIES_BETA = [
  "id", "deletedDateTime", "appRoleId", "creationTimestamp", "principalDisplayName", "principalId", "principalType", "resourceDisplayName", "resourceId",
] as const;
