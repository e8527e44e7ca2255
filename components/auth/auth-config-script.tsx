import { AUTH_CONFIG_ELEMENT_ID, authConfigJson } from "@/lib/config/auth-config-element";
import type { PublicAuthConfig } from "@/lib/config/public-auth-config";

/** The public sign-in configuration as a JSON data block (not run, so outside the CSP's script rules), for instrumentation-client.ts. */
export function AuthConfigScript({ config }: { config: PublicAuthConfig }) {
  return <script id={AUTH_CONFIG_ELEMENT_ID} type="application/json" dangerouslySetInnerHTML={{ __html: authConfigJson(config) }} />;
}
