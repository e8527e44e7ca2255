import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./scripts/lib/chromium";

/** Ports of the console and emulator under test: apart from the defaults so a running `npm start` does not interfere. */
export const E2E_CONSOLE_PORT = Number(process.env.E2E_CONSOLE_PORT ?? 3100);
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4110);
/** The built-in SCIM server `npm start` runs beside the emulator (e2e/scim-endpoint.spec.ts provisions into it). */
export const E2E_SCIM_TARGET_PORT = Number(process.env.E2E_SCIM_TARGET_PORT ?? 4130);
/** Everything the console and emulator print during the run (scripts/start.ts tees it); outside test-results, which Playwright empties. */
export const E2E_CONSOLE_LOG_FILE = path.join(__dirname, ".test-summary", "console.log");

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["./scripts/test-reporters/playwright-summary.ts"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_CONSOLE_PORT}`,
    trace: "retain-on-failure",
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  // Specs that inject faults into, or scan, the whole shared emulator (the Jobs view, the Overview) run after everything else, one project at a time.
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: ["fleet.spec.ts", "overview.spec.ts", "fault-matrix.spec.ts", "configure.spec.ts", "scim-endpoint.spec.ts"] },
    { name: "fleet", use: { ...devices["Desktop Chrome"] }, testMatch: ["fleet.spec.ts", "overview.spec.ts"], dependencies: ["chromium"] },
    { name: "faults", use: { ...devices["Desktop Chrome"] }, testMatch: "fault-matrix.spec.ts", dependencies: ["fleet"] },
    // Last: it turns AWS's scope to "sync all users and groups", which provisions everyone in the tenant into AWS
    // (People, the logs and the Overview read who is provisioned where).
    { name: "tenant-wide", use: { ...devices["Desktop Chrome"] }, testMatch: "configure.spec.ts", dependencies: ["faults"] },
    // After everything: it points the custom SCIM app (the HR portal) at the built-in SCIM server, so what it
    // provisions, and where, changes for the People, logs and Overview screens.
    { name: "scim-endpoint", use: { ...devices["Desktop Chrome"] }, testMatch: "scim-endpoint.spec.ts", dependencies: ["tenant-wide"] },
  ],
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `http://127.0.0.1:${E2E_CONSOLE_PORT}`,
    env: {
      PORT: String(E2E_CONSOLE_PORT),
      EMULATOR_PORT: String(E2E_EMULATOR_PORT),
      EMULATOR_SCALE: "2500",
      SCIM_TARGET_PORT: String(E2E_SCIM_TARGET_PORT),
      CONSOLE_LOG_FILE: E2E_CONSOLE_LOG_FILE,
    },
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
