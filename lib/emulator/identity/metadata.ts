/**
 * The OpenID Provider configuration, Entra v2 shaped. Pure (no Node imports): the console may build
 * MSAL's `authorityMetadata` from the same function the emulator serves.
 */
import { TENANT_ID } from "../auth/personas";

export interface OpenIdConfiguration {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint: string;
  jwks_uri: string;
  response_types_supported: string[];
  response_modes_supported: string[];
  grant_types_supported: string[];
  subject_types_supported: string[];
  id_token_signing_alg_values_supported: string[];
  code_challenge_methods_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  scopes_supported: string[];
  claims_supported: string[];
  request_uri_parameter_supported: boolean;
  frontchannel_logout_supported: boolean;
  http_logout_supported: boolean;
  tenant_region_scope: string;
  cloud_instance_name: string;
}

/** `origin` is the emulator's own origin, e.g. `http://127.0.0.1:4010` (no trailing slash). */
export function openIdConfiguration(origin: string, tenantId: string = TENANT_ID): OpenIdConfiguration {
  const base = `${origin.replace(/\/+$/, "")}/${tenantId}`;
  return {
    issuer: `${base}/v2.0`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_types_supported: ["code"],
    response_modes_supported: ["query", "fragment"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: ["none"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    claims_supported: [
      "sub", "iss", "aud", "exp", "iat", "nbf", "nonce", "preferred_username", "name", "tid", "oid", "ver",
    ],
    request_uri_parameter_supported: false,
    frontchannel_logout_supported: false,
    http_logout_supported: true,
    tenant_region_scope: "EU",
    cloud_instance_name: "emulator.invalid",
  };
}
