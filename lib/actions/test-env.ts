import { vi } from "vitest";
import { embeddedConsoleEnv } from "@/scripts/lib/embedded";

/** Server actions read their configuration from the environment: point it at an in-process emulator, as `npm start` does. */
export function stubEmbeddedEnv(emulator: { url: string }): void {
  for (const [name, value] of Object.entries(embeddedConsoleEnv(emulator.url))) vi.stubEnv(name, value);
  vi.stubEnv("GRAPH_API_VERSION", "beta");
}
