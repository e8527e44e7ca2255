import { TENANT_ID } from "../../lib/emulator/auth/personas";
import { EMBEDDED_CLIENT_ID } from "../../lib/emulator/identity/client";
import { EMBEDDED_AUTHORITY_HOST } from "../../lib/emulator/identity/msal-recipe";
import { emulatorOptionsFromEnv } from "../../lib/emulator/options-from-env";
import { startEmulator } from "../../lib/emulator/server";

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

/** Starts the embedded Graph emulator unless the environment names a real tenant (ENTRA_CLIENT_ID). */
export async function startEmbeddedEmulator(): Promise<EmbeddedEmulator | undefined> {
  if (process.env.ENTRA_CLIENT_ID) return undefined;
  const emulator = await startEmulator(emulatorOptionsFromEnv());
  console.log(`Graph emulator: ${emulator.url}`);
  return { consoleEnv: embeddedConsoleEnv(emulator.url), close: () => emulator.close() };
}
