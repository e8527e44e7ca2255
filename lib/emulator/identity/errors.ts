/** Entra-shaped errors: AADSTS codes, descriptions with trace/correlation ids, token-endpoint JSON. */
import { randomUUID } from "node:crypto";

export interface StsError {
  /** OAuth error code (`invalid_grant`, `login_required`, ...). */
  error: string;
  /** AADSTS number. */
  code: number;
  message: string;
  /** Extra fields some errors carry (e.g. `error_subcode` on cancel). */
  extra?: Record<string, string>;
}

export const stsError = (error: string, code: number, message: string, extra?: Record<string, string>): StsError => ({
  error,
  code,
  message,
  extra,
});

/** The catalogue. Messages follow Entra's wording where we know it. */
export const Errors = {
  missingParameter: (name: string) =>
    stsError("invalid_request", 900144, `The request body must contain the following parameter: '${name}'.`),
  unknownTenant: (tenant: string) =>
    stsError("invalid_tenant", 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`),
  unknownClient: (clientId: string, tenant: string) =>
    stsError(
      "unauthorized_client",
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  redirectMismatch: (redirectUri: string, clientId: string) =>
    stsError(
      "invalid_request",
      50011,
      `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
    ),
  unsupportedResponseType: (value: string) =>
    stsError("unsupported_response_type", 700054, `response_type '${value}' is not enabled for the application. Use 'code' (authorization code flow with PKCE).`),
  unsupportedResponseMode: (value: string) =>
    stsError("invalid_request", 90023, `Invalid STS request: unsupported response_mode '${value}'. Use 'query' or 'fragment'.`),
  pkceRequired: () =>
    stsError("invalid_request", 9002325, "Proof Key for Code Exchange is required for cross-origin authorization code redemption. Send code_challenge with code_challenge_method=S256."),
  challengeInvalid: () =>
    stsError("invalid_request", 501491, "Invalid size of Code_Challenge parameter: an S256 code_challenge is 43 base64url characters."),
  invalidScope: (detail: string) =>
    stsError("invalid_scope", 70011, `The provided value for the input parameter 'scope' is not valid. ${detail}`),
  resourceNotFound: (resource: string, tenant: string) =>
    stsError("invalid_resource", 500011, `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`),
  loginRequired: () =>
    stsError("login_required", 50058, "A silent sign-in request was sent but no user is signed in. The cookies used to represent the user's session were not sent in the request to Azure AD. This can happen if the user is using Internet Explorer or Edge, and the web app sending the silent sign-in request is in different IE security zone than the Azure AD endpoint (login.microsoftonline.com)."),
  selectAccount: () =>
    stsError("interaction_required", 16000, "Either multiple user identities are available for the current request or selected account is not supported for the scenario. The signed-in account does not match the login_hint."),
  cancelled: () =>
    stsError("access_denied", 65004, "User declined to consent to access the app.", { error_subcode: "cancel" }),
  flowExpired: () =>
    stsError("invalid_request", 50089, "Authentication failed due to flow token expired. Start the sign-in again from the application."),
  unknownPersona: (value: string) =>
    stsError("invalid_request", 50034, `The user account '${value}' does not exist in the directory. Choose one of the listed accounts.`),
  unsupportedGrant: (value: string) =>
    stsError("unsupported_grant_type", 70003, `The app requested an unsupported grant type '${value}'.`),
  codeInvalid: (detail: string) =>
    stsError("invalid_grant", 70000, `The provided value for the 'code' parameter is not valid. ${detail}`.trim()),
  codeExpired: () =>
    stsError("invalid_grant", 70008, "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource."),
  codeRedeemed: () =>
    stsError("invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token."),
  replyMismatch: () =>
    stsError("invalid_grant", 500112, "The reply address does not match the reply address provided when requesting Authorization code."),
  verifierMismatch: () =>
    stsError("invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request."),
  refreshInvalid: (detail: string) =>
    stsError("invalid_grant", 70000, `Provided grant is invalid or malformed. ${detail}`.trim()),
  refreshRevoked: () =>
    stsError("invalid_grant", 50173, "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user signed out or the session was ended."),
  refreshExpired: () =>
    stsError("invalid_grant", 700084, "The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page."),
};

export interface ErrorContext {
  traceId: string;
  correlationId: string;
  timestamp: string;
}

/** Entra's timestamp format: `2024-05-01 10:00:00Z`. */
export function stsTimestamp(date = new Date()): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")}Z`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** correlation id: the client's `client-request-id` when it is a GUID (MSAL sends one), else fresh. */
export function errorContext(clientRequestId: string | null | undefined): ErrorContext {
  return {
    traceId: randomUUID(),
    correlationId: clientRequestId && GUID.test(clientRequestId) ? clientRequestId.toLowerCase() : randomUUID(),
    timestamp: stsTimestamp(),
  };
}

export function describe(err: StsError, ctx: ErrorContext): string {
  return `AADSTS${err.code}: ${err.message} Trace ID: ${ctx.traceId} Correlation ID: ${ctx.correlationId} Timestamp: ${ctx.timestamp}`;
}

export const errorUri = (code: number) => `https://login.microsoftonline.com/error?code=${code}`;

/** The token endpoint's JSON body. */
export function tokenErrorBody(err: StsError, ctx: ErrorContext) {
  return {
    error: err.error,
    error_description: describe(err, ctx),
    error_codes: [err.code],
    timestamp: ctx.timestamp,
    trace_id: ctx.traceId,
    correlation_id: ctx.correlationId,
    error_uri: errorUri(err.code),
  };
}

/** Parameters appended to the redirect URI when an authorize request fails after the client is trusted. */
export function authorizeErrorParams(err: StsError, ctx: ErrorContext, state: string | null): URLSearchParams {
  const params = new URLSearchParams({ error: err.error, error_description: describe(err, ctx), error_uri: errorUri(err.code) });
  for (const [key, value] of Object.entries(err.extra ?? {})) params.set(key, value);
  if (state !== null) params.set("state", state);
  return params;
}
