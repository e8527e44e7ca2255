import { tokenLine } from "./demo-token";
import { scimTargetOptionsFromEnv } from "./env";
import { startScimTarget } from "./server";

/** `npm run scim-target`: the SCIM target alone (variables: env.ts). Prints its endpoint and token, runs until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = scimTargetOptionsFromEnv(process.env);
  if ("error" in config) {
    console.error(config.error);
    process.exit(2);
  }
  const target = await startScimTarget(config.options).catch((error: NodeJS.ErrnoException) => {
    console.error(`SCIM target failed to start: ${error.code ?? ""} ${error.message}`.replace("  ", " "));
    process.exit(1);
  });
  let closing = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      void target.close().then(() => process.exit(0));
      setTimeout(() => process.exit(0), 2_000).unref();
    });
  }
  // Printed once the signals are handled, so that whoever waits for these lines may stop it at once.
  if (config.warning) console.warn(config.warning);
  console.log(`SCIM endpoint: ${target.url}`);
  console.log(tokenLine(target.token));
}

void main();
