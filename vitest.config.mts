import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // Unit tests run server modules in Node, which is their server: the marker's empty build, as Next's server uses.
    alias: { "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)) },
  },
  test: {
    include: ["{lib,components,app,scripts,test}/**/*.test.{ts,tsx}"],
    environment: "node",
    testTimeout: 20_000,
    reporters: ["default", "./scripts/test-reporters/vitest-summary.ts"],
  },
});
