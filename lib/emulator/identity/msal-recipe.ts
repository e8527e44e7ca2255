/**
 * How MSAL Browser 5 is pointed at the embedded identity provider. Pure (no Node imports).
 *
 * MSAL insists the authority string is `https:` (msal-common UrlString.validateAsUri →
 * `authority_uri_insecure`), so the console uses a nominal https authority on a host that can never
 * resolve (`.invalid`, RFC 6761) and hands MSAL the endpoints itself:
 * - `knownAuthorities: [host]` → Authority.getCloudDiscoveryMetadataFromConfig skips instance discovery
 *   at login.microsoftonline.com;
 * - `authorityMetadata` (a JSON string) → Authority.updateEndpointMetadataFromLocalSources uses it and
 *   never fetches the openid-configuration, so Authority.validateIssuer (which only runs on a
 *   network-fetched document) never compares our http issuer with the https authority. MSAL does not
 *   check the id_token `iss` at all (ResponseHandler only checks `nonce`).
 * If MSAL ever did go to the network for this authority, it would fail loudly (the host does not resolve).
 */
import { TENANT_ID } from "../auth/personas";
import { EMBEDDED_CLIENT_ID } from "./client";
import { openIdConfiguration } from "./metadata";

export const EMBEDDED_AUTHORITY_HOST = "login.emulator.invalid";
export const DEFAULT_EMULATOR_ORIGIN = "http://127.0.0.1:4010";

export interface EmbeddedMsalAuthority {
  clientId: string;
  /** `https://login.emulator.invalid/<tenant>`: nominal, never contacted. */
  authority: string;
  knownAuthorities: string[];
  /** The openid-configuration JSON as MSAL wants it (a string), endpoints on the emulator origin. */
  authorityMetadata: string;
}

export function embeddedMsalAuthority(emulatorOrigin: string = DEFAULT_EMULATOR_ORIGIN): EmbeddedMsalAuthority {
  return {
    clientId: EMBEDDED_CLIENT_ID,
    authority: `https://${EMBEDDED_AUTHORITY_HOST}/${TENANT_ID}`,
    knownAuthorities: [EMBEDDED_AUTHORITY_HOST],
    authorityMetadata: JSON.stringify(openIdConfiguration(emulatorOrigin)),
  };
}
