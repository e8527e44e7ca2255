import { SCIM_DEMO_CREDENTIALS } from "../../targets/app-profiles";
import type { SecretPair } from "../../engine/credentials";
import type { ScimEndpoint, SyncError } from "../../engine/types";
import { isLoopbackAddress } from "../../http/access";
import { VALIDATION_UNAVAILABLE } from "./codes";

/**
 * When a job provisions over real SCIM 2.0: jobs of the custom SCIM template (`scim`, legacy `customappsso`)
 * whose saved Tenant URL (`BaseAddress`) is an http(s) URL other than the embedded demo target's. Only https, or
 * http to this machine's loopback, is called; nothing but that base address ever is.
 */
export const SCIM_TEMPLATES: ReadonlySet<string> = new Set(["scim", "customappsso"]);

export type { ScimEndpoint };

const valueOf = (secrets: readonly SecretPair[], key: string) => secrets.find((pair) => pair.key.toLowerCase() === key.toLowerCase())?.value?.trim() ?? "";

const sameAsDemo = (url: URL) => {
  const demo = new URL(SCIM_DEMO_CREDENTIALS.BaseAddress);
  return url.host.toLowerCase() === demo.host && url.protocol === demo.protocol;
};

/** Null: the job's target is the embedded one (not the SCIM template, or its demo address, or no usable URL). */
export function scimEndpoint(templateId: string, secrets: readonly SecretPair[]): ScimEndpoint | null {
  if (!SCIM_TEMPLATES.has(templateId.toLowerCase())) return null;
  let base: URL;
  try {
    base = new URL(valueOf(secrets, "BaseAddress"));
  } catch {
    return null;
  }
  if ((base.protocol !== "https:" && base.protocol !== "http:") || sameAsDemo(base)) return null;
  base.pathname = base.pathname.replace(/\/+$/, "");
  base.search = "";
  base.hash = "";
  return { base, token: valueOf(secrets, "SecretToken") };
}

/** The emulator's refusal of an address it will not call (its own text: Entra calls any https address). */
export function endpointRefusal(endpoint: ScimEndpoint): SyncError | null {
  const { base } = endpoint;
  if (base.username || base.password)
    return { code: VALIDATION_UNAVAILABLE, message: "The tenant URL must not contain a user name or password.", tenantActionable: true };
  if (base.protocol === "http:" && !isLoopbackAddress(base.hostname))
    return {
      code: VALIDATION_UNAVAILABLE,
      message: `The tenant URL ${base.origin} uses http:// on a host that is not this machine; only https:// addresses, or http:// to 127.0.0.1, localhost or [::1], are called.`,
      tenantActionable: true,
    };
  return null;
}
