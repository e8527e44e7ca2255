import { TENANT_ID } from "../../lib/emulator/auth/personas";
import { EMBEDDED_CLIENT_ID } from "../../lib/emulator/identity/client";
import { EMBEDDED_AUTHORITY_HOST } from "../../lib/emulator/identity/msal-recipe";
import { emulatorOptionsFromEnv } from "../../lib/emulator/options-from-env";
import { startEmulator } from "../../lib/emulator/server";
import { tokenLine } from "../../lib/scim-target/demo-token";
import { scimTargetOptionsFromEnv } from "../../lib/scim-target/env";
import { startScimTarget, type ScimTarget } from "../../lib/scim-target/server";

export interface EmbeddedEmulator {
  /** Environment that points the console at the emulator: the same variables a real tenant uses. */
  consoleEnv: Record<string, string>;
  close(): Promise<void>;
}

/** The console's configuration for an emulator at `emulatorUrl` (see README "Use with your tenant"). */
export function embeddedConsoleEnv(emulatorUrl: string): Record<string, string> {
  return {
    ENTRA_CLIENT_ID: EMBEDDED_CLIENT_ID,
    ENTRA_TENANT_ID: TENANT_ID,
    ENTRA_AUTHORITY: `https://${EMBEDDED_AUTHORITY_HOST}/${TENANT_ID}`,
    ENTRA_AUTHORITY_METADATA_URL: `${emulatorUrl}/${TENANT_ID}/v2.0/.well-known/openid-configuration`,
    GRAPH_BASE_URL: emulatorUrl,
  };
}

/**
 * The built-in SCIM server beside the emulator (SCIM_TARGET_PORT, default 4020): the endpoint a custom SCIM app's
 * credentials can point at (README "Test your SCIM endpoint"). A busy port or bad variable is reported, not fatal.
 */
async function startBuiltInScimTarget(): Promise<ScimTarget | undefined> {
  const config = scimTargetOptionsFromEnv(process.env);
  if ("error" in config) {
    console.warn(`Built-in SCIM server not started: ${config.error}`);
    return undefined;
  }
  try {
    const target = await startScimTarget(config.options);
    console.log(`SCIM endpoint (built-in SCIM server): ${target.url}  ${tokenLine(target.token)}`);
    return target;
  } catch (error) {
    console.warn(`Built-in SCIM server not started on port ${config.options.port}: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * Starts the embedded Graph emulator (and the built-in SCIM server) unless the environment names a real tenant (ENTRA_CLIENT_ID).
 * `consoleOrigin` (the console this script serves, `http://127.0.0.1:$PORT`) is the browser origin the emulator
 * lets call it besides its own (its localhost spelling too), with any EMULATOR_CONSOLE_ORIGIN added.
 */
export async function startEmbeddedEmulator(consoleOrigin: string): Promise<EmbeddedEmulator | undefined> {
  if (process.env.ENTRA_CLIENT_ID) return undefined;
  const options = emulatorOptionsFromEnv();
  const extra = options.consoleOrigin === undefined ? [] : typeof options.consoleOrigin === "string" ? [options.consoleOrigin] : options.consoleOrigin;
  const emulator = await startEmulator({ ...options, consoleOrigin: [consoleOrigin, ...extra] });
  console.log(`Graph emulator: ${emulator.url}`);
  const scimTarget = await startBuiltInScimTarget();
  return { consoleEnv: embeddedConsoleEnv(emulator.url), close: async () => void (await Promise.all([emulator.close(), scimTarget?.close()])) };
}
