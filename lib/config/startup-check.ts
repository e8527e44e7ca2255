import { ConfigError, parseRuntimeConfig } from "./runtime-config";

/** Ends the process with a message naming the variable when the configuration in `env` is wrong. */
export function exitOnConfigError(env: Record<string, string | undefined> = process.env): void {
  try {
    parseRuntimeConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Provisioning Console cannot start: ${error.message}`);
    console.error('See "Use with your tenant" in README.md.');
    process.exit(1);
  }
}
