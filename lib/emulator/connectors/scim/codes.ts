/** Test connection's codes (probe.ts): refused credentials, and any other unexpected answer or none. */
export const VALIDATION_FAILURE = "SystemForCrossDomainIdentityManagementCredentialValidationFailure";
export const VALIDATION_UNAVAILABLE = "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable";
/** Entra's text for VALIDATION_UNAVAILABLE when nothing usable came back (observed; lib/emulator/README.md). */
export const NOT_ABLE_TO_CONNECT =
  "We are not able to connect to your application while attempting to validate our authorization to access your application. Please ensure that you have provided valid credentials to the application and reach out to the application developer to diagnose why the authorization is failing.";
