/** Stops `next start` at once, naming the variable, when the sign-in or Graph configuration is wrong. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { exitOnConfigError } = await import("./lib/config/startup-check");
    exitOnConfigError();
  }
}
