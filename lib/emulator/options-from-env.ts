import { consoleOrigins, isLoopbackAddress } from "./http/access";
import type { StartOptions } from "./server";

/**
 * EMULATOR_PORT (4010), EMULATOR_HOST (127.0.0.1), EMULATOR_SCALE, EMULATOR_CLOCK_SPEED, EMULATOR_CONSOLE_ORIGIN
 * (comma-separated origins), EMULATOR_ALLOW_REMOTE (1 to allow a non-loopback EMULATOR_HOST); exits naming a bad variable.
 */
export function emulatorOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Required<Pick<StartOptions, "port" | "host">> & StartOptions {
  const number = (name: string, fallback?: number): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) {
      console.error(`${name} must be a non-negative number (got '${raw}').`);
      process.exit(2);
    }
    return value;
  };
  const host = env.EMULATOR_HOST || "127.0.0.1";
  const allowRemoteRaw = (env.EMULATOR_ALLOW_REMOTE ?? "").trim();
  if (!["", "0", "1"].includes(allowRemoteRaw)) {
    console.error(`EMULATOR_ALLOW_REMOTE must be 1 (allow a non-loopback EMULATOR_HOST) or unset (got '${env.EMULATOR_ALLOW_REMOTE}').`);
    process.exit(2);
  }
  const allowRemote = allowRemoteRaw === "1";
  if (!isLoopbackAddress(host) && !allowRemote) {
    console.error(
      `EMULATOR_HOST=${host} is not a loopback address: the emulator mints admin tokens without authentication, so it would hand them to the network. ` +
        "Use EMULATOR_HOST=127.0.0.1, or set EMULATOR_ALLOW_REMOTE=1 to listen there anyway.",
    );
    process.exit(2);
  }
  const consoleOrigin = (env.EMULATOR_CONSOLE_ORIGIN ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  try {
    consoleOrigins(consoleOrigin);
  } catch (error) {
    console.error(`EMULATOR_CONSOLE_ORIGIN must be an origin such as http://127.0.0.1:3000, or several separated by commas: ${(error as Error).message}`);
    process.exit(2);
  }
  return {
    port: number("EMULATOR_PORT", 4010)!,
    host,
    scale: number("EMULATOR_SCALE", 0),
    clockSpeed: number("EMULATOR_CLOCK_SPEED"),
    ...(consoleOrigin.length ? { consoleOrigin } : {}),
    ...(allowRemote ? { allowRemote } : {}),
  };
}
