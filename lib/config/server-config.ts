import "server-only";
import { connection } from "next/server";
import { toPublicAuthConfig, type PublicAuthConfig } from "./public-auth-config";
import { parseRuntimeConfig, type RuntimeConfig } from "./runtime-config";

/** The configuration as the environment says now (request time, so a built console switches tenants by env alone). */
export async function runtimeConfig(): Promise<RuntimeConfig> {
  await connection();
  return parseRuntimeConfig(process.env);
}

export async function publicAuthConfig(): Promise<PublicAuthConfig> {
  return toPublicAuthConfig(await runtimeConfig());
}
