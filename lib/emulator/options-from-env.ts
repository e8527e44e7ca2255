import type { StartOptions } from "./server";

/** EMULATOR_PORT (4010), EMULATOR_HOST (127.0.0.1), EMULATOR_SCALE, EMULATOR_CLOCK_SPEED; exits naming a bad variable. */
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
  return {
    port: number("EMULATOR_PORT", 4010)!,
    host: env.EMULATOR_HOST || "127.0.0.1",
    scale: number("EMULATOR_SCALE", 0),
    clockSpeed: number("EMULATOR_CLOCK_SPEED"),
  };
}
