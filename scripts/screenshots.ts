/**
 * `npx tsx scripts/screenshots.ts [--base-url http://127.0.0.1:3000] [--emulator-url http://127.0.0.1:4010]`:
 * signs in to a running console (embedded default) and saves the README's screenshots to docs/screenshots/.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { SP, JOB } from "../lib/emulator/seed/ids";
import { USER } from "../lib/emulator/directory/ids";
import { launchChromium, signIn } from "./bench/browser";

const arg = (name: string, fallback: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const base = arg("--base-url", "http://127.0.0.1:3000");
const emulator = arg("--emulator-url", "http://127.0.0.1:4010");
for (const url of [base, emulator]) {
  if (!["127.0.0.1", "localhost"].includes(new URL(url).hostname)) throw new Error(`Only loopback addresses: ${url}`);
}
const out = path.join(process.cwd(), "docs", "screenshots");

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, `${base}/service-principals`, emulator);
  const shots: [string, string, string][] = [
    ["service-principals.png", `${base}/service-principals?q=sales`, '[data-testid="provisioning-jobs"]'],
    ["service-principal.png", `${base}/service-principals/${SP.salesforce}`, '[data-testid="job-status-card"]'],
    ["job.png", `${base}/service-principals/${SP.customScim}/jobs/${JOB.customScimInitial}`, '[data-testid="job-status-card"]'],
    ["fleet.png", `${base}/jobs`, "[data-scanned-at]"],
    ["logs.png", `${base}/service-principals/${SP.aws}/jobs/${JOB.awsActive}/logs?status=failure`, '[data-testid="logs-row"]'],
    ["configure.png", `${base}/service-principals/${SP.salesforce}/jobs/${JOB.salesforceQuarantined}/configure`, '[data-testid="configure-form"]'],
    ["overview.png", `${base}/`, '[data-testid="overview-failure-group"]'],
    ["person.png", `${base}/people/${USER.irvinSayers}`, '[data-testid="person-row"]'],
    // A guest kept out of the cross-tenant job's scope by its scoping filter.
    ["on-demand.png", `${base}/service-principals/${SP.crossTenant}/jobs/${JOB.crossTenantActive}/provision?user=${USER.jordanReyes}`, '[data-testid="on-demand-chosen"]'],
    ["mappings.png", `${base}/service-principals/${SP.crossTenant}/jobs/${JOB.crossTenantActive}/mappings`, '[data-testid="object-mapping"]'],
  ];
  for (const [file, url, ready] of shots) {
    await page.goto(url);
    await page.locator(ready).first().waitFor({ timeout: 60_000 });
    if (file === "logs.png") {
      // A failure's detail, opened as an admin would.
      await page.locator(ready).first().getByRole("link").click();
      await page.getByTestId("logs-detail").waitFor();
    }
    if (file === "on-demand.png") {
      await page.getByTestId("on-demand-run").click();
      await page.getByTestId("on-demand-scope").scrollIntoViewIfNeeded();
    }
    await page.screenshot({ path: path.join(out, file), fullPage: false });
    console.log(`saved docs/screenshots/${file}`);
  }
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
