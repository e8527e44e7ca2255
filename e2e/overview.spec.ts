import { expect, test, type Page } from "@playwright/test";
import { createGraphGateway } from "../lib/graph/gateway";
import { countByStatus, scanFleet, type FleetTotals } from "../lib/fleet/scan";
import { SUMMARY_ORDER } from "../lib/fleet/rows";
import { expectNoAxeViolations } from "./support/axe";
import { EMULATOR_URL, emulatorControl } from "./support/emulator";
import { openSignedIn } from "./support/sign-in";

// Runs in the "fleet" project, after every spec that changes jobs: only the clock moves things here
// (generated jobs' initial cycles end: NotRun only falls and Active only rises).
test.describe.configure({ timeout: 120_000 });

async function emulatorCounts(): Promise<FleetTotals> {
  const { access_token } = await emulatorControl<{ access_token: string }>("POST", "token", { persona: "reader" });
  const graph = createGraphGateway({ baseUrl: EMULATOR_URL, version: "beta", getToken: async () => access_token });
  const scan = await scanFleet(graph);
  expect(scan.failures).toEqual([]);
  return countByStatus(scan.entries);
}

/** The emulator's failures of the last 24 hours by error code, read from its logs as any Graph client would. */
async function failuresByCode(): Promise<Map<string, number>> {
  const { access_token } = await emulatorControl<{ access_token: string }>("POST", "token", { persona: "admin" });
  const since = new Date(Date.now() - 24 * 3_600_000).toISOString();
  const counts = new Map<string, number>();
  let url: string | undefined = `${EMULATOR_URL}/beta/auditLogs/provisioning?$top=1000&$filter=${encodeURIComponent(`provisioningStatusInfo/status eq 'failure' and activityDateTime gt ${since}`)}`;
  while (url) {
    const page = (await (await fetch(url, { headers: { Authorization: `Bearer ${access_token}` } })).json()) as {
      value: { provisioningStatusInfo?: { errorInformation?: { errorCode?: string } } }[];
      "@odata.nextLink"?: string;
    };
    for (const entry of page.value) {
      const code = entry.provisioningStatusInfo?.errorInformation?.errorCode ?? "";
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    url = page["@odata.nextLink"];
  }
  return counts;
}

async function summaryCounts(page: Page): Promise<Record<string, number>> {
  const summary = page.getByTestId("fleet-summary");
  await expect(summary).toHaveAttribute("data-scanned-at", /.+/, { timeout: 60_000 });
  return Object.fromEntries(await Promise.all(SUMMARY_ORDER.map(async (code) => [code, Number(await summary.locator(`[data-status="${code}"]`).getAttribute("data-count"))] as const)));
}

test("the Overview's summary matches the Jobs view and the emulator, and its counts open the Jobs view filtered", async ({ page }) => {
  const before = await emulatorCounts();
  await openSignedIn(page, "/");
  const overview = page.getByTestId("overview");
  const counts = await summaryCounts(page);
  const after = await emulatorCounts();
  for (const code of SUMMARY_ORDER) {
    const [low, high] = [Math.min(before[code], after[code]), Math.max(before[code], after[code])];
    expect(counts[code], code).toBeGreaterThanOrEqual(low);
    expect(counts[code], code).toBeLessThanOrEqual(high);
  }
  await overview.getByTestId("fleet-summary").locator('[data-status="Quarantine"]').getByRole("link").click();
  await expect(page).toHaveURL(/\/jobs\?status=Quarantine$/);
  expect(await summaryCounts(page)).toEqual(counts);
});

test("the Overview's failures of the last 24 hours, by error code, are the emulator's", async ({ page }) => {
  const before = await failuresByCode();
  await openSignedIn(page, "/");
  const groups = page.getByTestId("overview-failure-group");
  await expect(groups.first()).toBeVisible({ timeout: 30_000 });
  const shown = new Map(
    (await groups.evaluateAll((rows) => rows.map((row) => [row.getAttribute("data-code") ?? "", Number(row.getAttribute("data-count"))] as const))).map(([code, count]) => [code, count]),
  );
  const after = await failuresByCode();
  expect(shown.size).toBeGreaterThan(0);
  for (const code of new Set([...before.keys(), ...after.keys(), ...shown.keys()])) {
    const count = shown.get(code) ?? 0;
    expect(count, code).toBeGreaterThanOrEqual(Math.min(before.get(code) ?? 0, after.get(code) ?? 0));
    expect(count, code).toBeLessThanOrEqual(Math.max(before.get(code) ?? 0, after.get(code) ?? 0));
  }
  const hourly = await page.getByTestId("overview-failures-table").locator("[data-hour]").evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-count"))));
  expect(hourly.reduce((sum, n) => sum + n, 0)).toBe([...shown.values()].reduce((sum, n) => sum + n, 0));
  await expectNoAxeViolations(page);
});
