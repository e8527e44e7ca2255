/** MSAL and Entra sign-in failures in words an admin can act on. */
export interface AuthProblem {
  title: string;
  advice: string;
  /** MSAL's errorCode, plus the AADSTS code when Entra gave one. */
  code: string;
}

const AADSTS_ADVICE: Record<string, string> = {
  AADSTS50011: "The console's sign-in address is not registered on the app registration. Add <console origin>/auth/bridge as a single-page application redirect URI.",
  AADSTS700016: "Entra ID does not know this application in the tenant. Check ENTRA_CLIENT_ID and ENTRA_TENANT_ID.",
  AADSTS90002: "Entra ID does not know this tenant. Check ENTRA_TENANT_ID.",
  AADSTS65001: "An administrator has not consented to the console's Graph permissions yet. Grant admin consent on the app registration.",
  AADSTS50105: "Your account is not assigned to this application. Ask an administrator to assign you.",
  AADSTS50058: "Your session with Entra ID has ended. Sign in again.",
  AADSTS9002326: "The app registration is not a single-page application. Register the redirect URI under 'Single-page application'.",
};

const MSAL_ADVICE: Record<string, { title: string; advice: string }> = {
  user_cancelled: { title: "Sign-in was cancelled", advice: "Sign in again when you are ready." },
  interaction_in_progress: { title: "A sign-in is already under way", advice: "Finish it in the other tab or window, or reload this page." },
  no_network_connectivity: { title: "The sign-in service could not be reached", advice: "Check your network connection and try again." },
  endpoints_resolution_error: { title: "The sign-in service could not be reached", advice: "Check ENTRA_AUTHORITY and your network connection, then try again." },
  untrusted_authority: { title: "The sign-in authority is not trusted", advice: "Check ENTRA_AUTHORITY; a custom authority must be listed as known." },
  authority_uri_insecure: { title: "The sign-in authority is not https", advice: "ENTRA_AUTHORITY must be an https address." },
  login_required: { title: "You need to sign in", advice: "Your session has ended. Sign in again." },
  consent_required: { title: "Consent is needed", advice: "An administrator must grant consent to the console's Graph permissions." },
  invalid_grant: { title: "Your sign-in has expired", advice: "Sign in again." },
  post_request_failed: { title: "The sign-in service did not answer", advice: "Check your network connection and try again." },
  state_not_found: { title: "The sign-in response did not match this tab", advice: "Start the sign-in again from this tab." },
  hash_empty_error: { title: "The sign-in response was empty", advice: "Start the sign-in again." },
};

function property(error: unknown, name: string): string | undefined {
  if (typeof error !== "object" || error === null || !(name in error)) return undefined;
  const value = (error as Record<string, unknown>)[name];
  return typeof value === "string" && value ? value : undefined;
}

export function describeAuthError(error: unknown): AuthProblem {
  const errorCode = property(error, "errorCode") ?? "unknown_error";
  const message = [property(error, "errorMessage"), property(error, "message")].filter(Boolean).join(" ");
  const aadsts = /AADSTS\d+/.exec(message)?.[0];
  const code = aadsts && !errorCode.includes(aadsts) ? `${errorCode} (${aadsts})` : errorCode;

  if (aadsts && AADSTS_ADVICE[aadsts]) {
    return { title: "Entra ID refused the sign-in", advice: AADSTS_ADVICE[aadsts], code };
  }
  const known = MSAL_ADVICE[errorCode];
  if (known) return { ...known, code };
  return {
    title: "Sign-in failed",
    advice: message ? `Entra ID or MSAL said: ${message}` : "Try again; if it keeps failing, check the console's sign-in configuration.",
    code,
  };
}
