/** Test connection's codes (probe.ts): refused credentials, and any other unexpected answer or none. */
export const VALIDATION_FAILURE = "SystemForCrossDomainIdentityManagementCredentialValidationFailure";
export const VALIDATION_UNAVAILABLE = "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable";
