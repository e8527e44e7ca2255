/**
 * What to do about a provisioning error, from the error table of Microsoft's "How to download and analyze the
 * Microsoft Entra provisioning logs" (howto-analyze-provisioning-logs.md, "Error codes" and "Error codes for
 * cross-tenant synchronization"; copied in test/fixtures/graph-docs/docs/entra/). Used only when Graph's
 * `recommendedAction` is empty, which the docs' own error example shows it often is.
 */
const RESTART_NOTE = "There's nothing to do. This attempt is automatically retried in 40 minutes.";
const MAPPINGS =
  "Review your attribute mappings (Customize user provisioning attribute-mappings for SaaS applications in Microsoft Entra ID).";

const ADVICE: Record<string, string> = {
  Conflict:
    "Correct the conflicting attribute values in either Microsoft Entra ID or the application. Or, review your matching attribute configuration if the conflicting user account was supposed to be matched and taken over.",
  TooManyRequests:
    "The target app rejected this attempt to update the user because the app is receiving too many requests. There's nothing to do. This attempt is automatically retried and Microsoft was notified of this issue.",
  InternalServerError: `The target app returned an unexpected error. A service issue with the target application might be preventing it from working. This attempt is automatically retried in 40 minutes.`,
  InsufficientRights:
    "Microsoft Entra ID authenticated with the target application but wasn't authorized to perform the update. Review any instructions that the target application provided.",
  UnprocessableEntity:
    "The target application returned an unexpected response. The configuration of the target application might not be correct, or a service issue with the target application might be preventing it from working.",
  WebExceptionProtocolError: `An HTTP protocol error occurred while connecting to the target application. ${RESTART_NOTE}`,
  InvalidAnchor:
    "A user that was previously created or matched by the provisioning service no longer exists. Ensure that the user exists. To force a new matching of all users, restart the job (an initial cycle, which can take time).",
  NotImplemented:
    "The target app returned an unexpected response. The configuration of the app might not be correct, or a service issue with the target app might be preventing it from working. Review any instructions that the target application provided.",
  MandatoryFieldsMissing: `The user couldn't be created because required values are missing. Correct the missing attribute values in the source record, or review your matching attribute configuration to ensure that the required fields aren't omitted.`,
  SchemaAttributeNotFound: `The operation couldn't be performed because an attribute was specified that doesn't exist in the target application. ${MAPPINGS}`,
  InternalError: `An internal service error occurred within the Microsoft Entra provisioning service. ${RESTART_NOTE}`,
  InvalidDomain:
    "The operation couldn't be performed because an attribute value contains an invalid domain name. Update the domain name on the user or add it to the permitted list in the target application.",
  Timeout: `The operation couldn't be completed because the target application took too long to respond. ${RESTART_NOTE}`,
  LicenseLimitExceeded:
    "The user couldn't be created in the target application because there are no available licenses for this user. Procure more licenses for the target application, or review your user assignments and attribute mappings.",
  DuplicateTargetEntries: `More than one user in the target application was found with the configured matching attributes. Remove the duplicate user from the target application, or reconfigure your attribute mappings.`,
  DuplicateSourceEntries: "More than one user was found with the configured matching attributes. Remove the duplicate user, or reconfigure your attribute mappings.",
  ImportSkipped:
    "The user being imported is missing the matching property defined in your attribute mappings: without it, scoping, matching and export can't be evaluated. This error doesn't mean that the user is in scope.",
  EntrySynchronizationSkipped:
    "The user was found in the source system but no further action was taken: they might be out of scope, or already exist in the target system with no further changes required.",
  SystemForCrossDomainIdentityManagementMultipleEntriesInResponse:
    "A GET request for one user or group received several in the response. Make the SCIM endpoint return only the requested object (for example, honour the filter that excludes group members).",
  SystemForCrossDomainIdentityManagementServiceIncompatible:
    "The provisioning service can't parse the application's response. Work with the application developer to make the SCIM server compatible with the Microsoft Entra SCIM client.",
  SchemaPropertyCanOnlyAcceptValue:
    "The target property accepts one value, but the source property has several. Map a single-valued attribute to it, make the source single-valued, or remove the attribute from the mappings.",
  AzureDirectoryB2BManagementPolicyCheckFailure:
    "Ensure that the automatic redemption setting was enabled for both the source and target tenants (cross-tenant access settings).",
  InvitationCreationFailure: "The provisioning service couldn't invite the user in the target tenant. Further investigation likely requires contacting support.",
  InvitationCreationFailureUserAccountDisabled:
    "The user exists in the target tenant, but the account is disabled and the invitation is pending. Enable the user account in the target tenant and provision the user again.",
  InvitationCreationFailureAmbiguousUser:
    "The invited user has a proxy address that matches an internal user in the target tenant. Delete the existing internal user in the target tenant or remove this user from sync scope.",
  EntityTypeNotSupported: "Groups decide which users are in scope but are not synchronized themselves. No action is required: this is a skipped event.",
};

/** The docs' synonyms (one row lists several codes). */
const SAME_AS: Record<string, string> = {
  EntryConflict: "Conflict",
  MethodNotAllowed: "InsufficientRights",
  NotPermitted: "InsufficientRights",
  Unauthorized: "InsufficientRights",
  MissingValues: "MandatoryFieldsMissing",
};

const CODES = [...Object.keys(ADVICE), ...Object.keys(SAME_AS)].sort((a, b) => b.length - a.length);

/**
 * The docs' advice for `errorCode`: the longest listed code it is or ends with — apps prefix their name
 * (the docs' error example answers `ContosoEntryConflict` for EntryConflict).
 */
export function docsAdviceFor(errorCode: string | null): string | null {
  if (!errorCode) return null;
  const code = CODES.find((listed) => errorCode.endsWith(listed));
  return code ? ADVICE[SAME_AS[code] ?? code] : null;
}
