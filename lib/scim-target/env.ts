import { isLoopbackHost } from "./loopback";
import { SCIM_TARGET_DEMO_TOKEN } from "./demo-token";
import type { ScimTargetOptions } from "./server";

export const DEFAULT_PORT = 4020;

export type EnvResult = { options: Required<ScimTargetOptions>; warning?: string } | { error: string };

/**
 * `npm run scim-target`'s variables: SCIM_TARGET_PORT (default 4020), SCIM_TARGET_HOST (default 127.0.0.1; a
 * non-loopback host only with SCIM_TARGET_ALLOW_REMOTE=1), SCIM_TARGET_TOKEN (default the demo token).
 */
export function scimTargetOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): EnvResult {
  const rawPort = (env.SCIM_TARGET_PORT ?? "").trim();
  const port = rawPort === "" ? DEFAULT_PORT : Number(rawPort);
  if (!/^\d+$/.test(rawPort || "0") || !Number.isInteger(port) || port > 65_535) return { error: `SCIM_TARGET_PORT must be a port number from 0 to 65535 (got '${env.SCIM_TARGET_PORT}').` };

  const host = (env.SCIM_TARGET_HOST ?? "").trim() || "127.0.0.1";
  const allowRemote = (env.SCIM_TARGET_ALLOW_REMOTE ?? "").trim();
  if (!["", "0", "1"].includes(allowRemote)) return { error: `SCIM_TARGET_ALLOW_REMOTE must be 1 or unset (got '${env.SCIM_TARGET_ALLOW_REMOTE}').` };
  const remote = !isLoopbackHost(host);
  if (remote && allowRemote !== "1")
    return {
      error:
        `SCIM_TARGET_HOST=${host} is not a loopback address: the target's data and its token would be reachable from the network. ` +
        "Use SCIM_TARGET_HOST=127.0.0.1, or set SCIM_TARGET_ALLOW_REMOTE=1 to listen there anyway.",
    };

  const token = env.SCIM_TARGET_TOKEN === undefined ? SCIM_TARGET_DEMO_TOKEN : env.SCIM_TARGET_TOKEN.trim();
  if (token === "") return { error: "SCIM_TARGET_TOKEN is empty: set a token, or unset it to use the demo token." };

  const warning = remote
    ? `[scim-target] WARNING: listening on ${host}, reachable from other machines (SCIM_TARGET_ALLOW_REMOTE=1)${token === SCIM_TARGET_DEMO_TOKEN ? ", with the public demo token: set SCIM_TARGET_TOKEN" : ""}.`
    : undefined;
  return { options: { port, host, token }, ...(warning ? { warning } : {}) };
}
