// Architecture import rules, checked by `npm run lint` (see also scripts/check-folder-cycles.ts).
// Test files (*.test.ts(x), test/**, e2e/**) may import anything in the repo: every rule but
// no-circular exempts them in `from.pathNot`.

/** Test code: colocated specs, the test/ support and fixtures, the Playwright specs. */
const TEST_FILES = ["\\.test\\.tsx?$", "^test/", "^e2e/"];
/** Not production code: tests plus the developer scripts. */
const NOT_PRODUCTION = [...TEST_FILES, "^scripts/"];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Module cycles make load order and refactoring fragile; `import type` edges count too (tsPreCompilationDeps).",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-prod-to-emulator",
      severity: "error",
      comment:
        "lib/emulator/ and lib/scim-target/ are separate programs (npm run emulator, npm run scim-target); the console must talk to them only over HTTP.",
      from: {
        path: ["^(app|components|lib)/", "^(proxy|instrumentation|instrumentation-client)\\.ts$"],
        pathNot: ["^lib/emulator/", "^lib/scim-target/", ...TEST_FILES],
      },
      to: { path: ["^lib/emulator/", "^lib/scim-target/"] },
    },
    {
      name: "emulator-is-standalone",
      severity: "error",
      comment:
        "lib/emulator/ is a separate program: it may import only itself, npm packages and node built-ins (so not lib/scim-target/, which it reaches over HTTP).",
      from: { path: "^lib/emulator/", pathNot: TEST_FILES },
      to: {
        pathNot: ["^lib/emulator/", "(^|/)node_modules/"],
        dependencyTypesNot: ["core"],
      },
    },
    {
      name: "scim-target-is-standalone",
      severity: "error",
      comment: "lib/scim-target/ is a separate program (the local SCIM target): it may import only itself, npm packages and node built-ins.",
      from: { path: "^lib/scim-target/", pathNot: TEST_FILES },
      to: {
        pathNot: ["^lib/scim-target/", "(^|/)node_modules/"],
        dependencyTypesNot: ["core"],
      },
    },
    {
      name: "lib-not-to-ui-or-scripts",
      severity: "error",
      comment: "lib/ is the bottom layer: it must not depend on the UI (components/, app/) or on scripts/.",
      from: { path: "^lib/", pathNot: TEST_FILES },
      to: { path: "^(components|app|scripts)/" },
    },
    {
      name: "components-not-to-app",
      severity: "error",
      comment: "components/ are reused by app/ routes; importing a route back inverts the layering.",
      from: { path: "^components/", pathNot: TEST_FILES },
      to: { path: "^app/" },
    },
    {
      name: "prod-not-to-test-support",
      severity: "error",
      comment: "Production code must not ship test helpers, specs or test runners (test/, *.test.ts(x), vitest, Playwright).",
      from: { pathNot: NOT_PRODUCTION },
      to: {
        path: [
          "^test/",
          "\\.test\\.tsx?$",
          "(^|/)node_modules/(vitest|@vitest/[^/]+|@playwright/test)/",
        ],
      },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that does not resolve (e.g. a broken `@/` alias) would silently escape every rule above.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ["(^|/)node_modules/"] },
    exclude: { path: ["^\\.next/"] },
    moduleSystems: ["es6", "cjs"],
    // Resolve `@/*` (tsconfig paths) and parse with the project's TypeScript.
    tsConfig: { fileName: "tsconfig.json" },
    // Keep `import type` / type-only edges in the graph, so they count for every rule, cycles included.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
