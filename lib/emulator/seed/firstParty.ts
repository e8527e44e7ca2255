import { APP_ID, MICROSOFT_TENANT_ID, SP } from "./ids";
import { servicePrincipal, type ServicePrincipal } from "./servicePrincipal";

/** Microsoft first-party service principals: present in every tenant, no synchronization templates. */
const MICROSOFT = { displayName: "Microsoft Corporation", verifiedPublisherId: "10052", addedDateTime: "2019-09-17T00:00:00Z" };

function firstParty(key: keyof typeof SP & keyof typeof APP_ID, displayName: string, extra: Partial<Parameters<typeof servicePrincipal>[0]> = {}): ServicePrincipal {
  return servicePrincipal({
    id: SP[key],
    appId: APP_ID[key],
    displayName,
    createdDateTime: "2019-03-21T09:12:44Z",
    appOwnerOrganizationId: MICROSOFT_TENANT_ID,
    publisherName: "Microsoft Services",
    verifiedPublisher: MICROSOFT,
    signInAudience: "AzureADMultipleOrgs",
    ...extra,
  });
}

export function firstPartyServicePrincipals(): ServicePrincipal[] {
  return [
    firstParty("microsoftGraph", "Microsoft Graph", {
      appRoles: [
        {
          allowedMemberTypes: ["Application"],
          description: "Allows the app to read and write all synchronization jobs, templates and schema without a signed-in user.",
          displayName: "Read and write all Azure AD synchronization data.",
          id: "9b50c33d-700f-43b1-b2eb-87e89b703581",
          isEnabled: true,
          origin: "Application",
          value: "Synchronization.ReadWrite.All",
        },
        {
          allowedMemberTypes: ["Application"],
          description: "Allows the app to read all applications and service principals without a signed-in user.",
          displayName: "Read all applications",
          id: "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30",
          isEnabled: true,
          origin: "Application",
          value: "Application.Read.All",
        },
      ],
      oauth2PermissionScopes: [
        {
          adminConsentDescription: "Allows users to sign-in to the app, and allows the app to read the profile of signed-in users.",
          adminConsentDisplayName: "Sign in and read user profile",
          id: "e1fe6dd8-ba31-4d61-89e7-88639da4683d",
          isEnabled: true,
          type: "User",
          userConsentDescription: "Allows you to sign in to the app with your organizational account and let the app read your profile.",
          userConsentDisplayName: "Sign in and read your profile",
          value: "User.Read",
        },
        {
          adminConsentDescription: "Allows the app to read synchronization jobs, templates and schema on behalf of the signed-in user.",
          adminConsentDisplayName: "Read all Azure AD synchronization data",
          id: "7aa02aeb-824f-4fbe-a3f7-611f751f5b55",
          isEnabled: true,
          type: "Admin",
          userConsentDescription: null,
          userConsentDisplayName: null,
          value: "Synchronization.Read.All",
        },
        {
          adminConsentDescription: "Allows the app to configure synchronization jobs, templates and schema on behalf of the signed-in user.",
          adminConsentDisplayName: "Read and write all Azure AD synchronization data",
          id: "7bb27fa3-ea8f-4d67-a916-87715b6188bd",
          isEnabled: true,
          type: "Admin",
          userConsentDescription: null,
          userConsentDisplayName: null,
          value: "Synchronization.ReadWrite.All",
        },
      ],
    }),
    firstParty("exchangeOnline", "Office 365 Exchange Online"),
    firstParty("sharePointOnline", "Office 365 SharePoint Online"),
    firstParty("microsoftTeams", "Microsoft Teams"),
    firstParty("azurePortal", "Azure Portal"),
    firstParty("officeHome", "OfficeHome"),
    firstParty("intune", "Microsoft Intune"),
  ];
}
