/**
 * `npm test`: makes sure Debian's Chromium is installed, runs the unit tests (vitest) and the end-to-end
 * tests (Playwright), and closes with one line `N passed, N failed, N skipped` over both.
 */
import path from "node:path";
import { run } from "./lib/run";
import { clearRunnerCounts, closingLine, readRunnerCounts } from "./test-reporters/summary-file";

const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

async function main(): Promise<number> {
  clearRunnerCounts();
  const chromium = await run("bash", ["scripts/ensure-chromium.sh"]);
  if (chromium !== 0) {
    console.error("Chromium could not be installed; end-to-end tests cannot run.");
    return chromium;
  }
  const unit = await run(bin("vitest"), ["run"]);
  const e2e = await run(bin("playwright"), ["test"]);

  const runners = readRunnerCounts();
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const name of ["unit", "e2e"]) {
    const counts = runners[name];
    if (!counts) {
      console.error(`The ${name} tests did not report their counts (the runner crashed before finishing).`);
      total.failed += 1;
      continue;
    }
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  console.log(closingLine(total));
  return unit !== 0 || e2e !== 0 || total.failed > 0 ? 1 : 0;
}

main().then((code) => process.exit(code));
