import { afterAll, beforeAll, beforeEach, vi } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { embeddedConsoleEnv } from "@/scripts/lib/embedded";

/** Server actions read their configuration from the environment: point it at an in-process emulator, as `npm start` does. */
export function stubEmbeddedEnv(emulator: { url: string }): void {
  for (const [name, value] of Object.entries(embeddedConsoleEnv(emulator.url))) vi.stubEnv(name, value);
  vi.stubEnv("GRAPH_API_VERSION", "beta");
}

/**
 * Registers the hooks of a server-action test file: an in-process emulator the actions' configuration points
 * at, back to its seed before every test, closed at the end. `use` receives it once it is running.
 */
export function withActionEmulator(use: (emulator: TestEmulator) => void): void {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    stubEmbeddedEnv(emulator);
    use(emulator);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await emulator.close();
  });
  beforeEach(async () => {
    await emulator.control("POST", "reset");
  });
}
