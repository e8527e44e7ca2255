import { expect, test, type Page } from "@playwright/test";
import { createGraphGateway } from "../lib/graph/gateway";
import { countByStatus, scanFleet, type FleetTotals } from "../lib/fleet/scan";
import { SUMMARY_ORDER } from "../lib/fleet/rows";
import { expectNoAxeViolations } from "./support/axe";
import { EMULATOR_URL, emulatorControl } from "./support/emulator";
import { openSignedIn } from "./support/sign-in";

// A 2,500-SP scan plus axe over a 700-row table is slow on two shared cores.
test.describe.configure({ timeout: 120_000 });

/**
 * The fleet view against the e2e emulator (EMULATOR_SCALE=2500, clock running).
 *
 * Why the count comparison is built this way: other specs create, start, pause and delete jobs on a few
 * seeded SPs while this one runs, and with the clock running the generated "initial cycle" jobs move from
 * NotRun to Active. So (1) the summary must equal the table's own per-status counts (same scan, same
 * moment: exact); (2) leaving out the SPs other specs touch, the UI's per-status counts must lie between
 * the emulator's counts read just before and just after the UI's scan (NotRun only falls, Active only
 * rises over that window, everything else is stable there).
 */
const TOUCHED_BY_OTHER_SPECS = new Set([
  "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d08", // Zoom
  "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01", // Box
  "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d0c", // Salesforce sandbox
  "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d06", // Databricks
  "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d02", // Salesforce
  "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d07", // GitHub EMU (fault matrix, live status)
  "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d09", // cross-tenant (security specs)
]);

/** The emulator's own counts, read through Graph with the same scanner, without the SPs other specs touch. */
async function emulatorCounts(): Promise<FleetTotals> {
  const { access_token } = await emulatorControl<{ access_token: string }>("POST", "token", { persona: "reader" });
  const graph = createGraphGateway({ baseUrl: EMULATOR_URL, version: "beta", getToken: async () => access_token });
  const scan = await scanFleet(graph);
  expect(scan.failures).toEqual([]);
  return countByStatus(scan.entries.filter((entry) => !TOUCHED_BY_OTHER_SPECS.has(entry.servicePrincipal.id)));
}

/** What the page shows: the summary's counts, and each table row's SP and status (every row: after Show all). */
async function shown(page: Page) {
  const showAll = page.getByRole("button", { name: /^Show all/ });
  if (await showAll.isVisible()) await showAll.click();
  await expect(page.getByRole("button", { name: /^Show all/ })).toHaveCount(0);
  const summary = page.getByTestId("fleet-summary");
  const counts = Object.fromEntries(
    await Promise.all(SUMMARY_ORDER.map(async (code) => [code, Number(await summary.locator(`[data-status="${code}"]`).getAttribute("data-count"))] as const)),
  ) as Record<(typeof SUMMARY_ORDER)[number], number>;
  const rows = await page.locator("[data-testid=fleet-table] tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({ sp: tr.getAttribute("data-sp-id") ?? "", status: tr.querySelector('[data-kind="status"]')?.getAttribute("data-status") ?? "" })),
  );
  return { counts, rows };
}

async function summaryReady(page: Page) {
  await expect(page.getByTestId("fleet-summary")).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole("button", { name: "Rescan" })).toBeEnabled();
}

test("the summary equals the emulator's own counts", async ({ page }) => {
  await openSignedIn(page, "/jobs", "reader");
  await summaryReady(page);
  const summary = page.getByTestId("fleet-summary");
  const firstScan = await summary.getAttribute("data-scanned-at");
  const before = await emulatorCounts();
  await page.getByRole("button", { name: "Rescan" }).click(); // the scan under test starts after `before`…
  await expect(summary).not.toHaveAttribute("data-scanned-at", firstScan ?? "", { timeout: 45_000 });
  await summaryReady(page);
  const after = await emulatorCounts(); // …and ends before `after`

  const { counts, rows } = await shown(page);
  await expect(page.getByTestId("fleet-summary")).toHaveText(
    /^\d[\d,]* active · \d[\d,]* quarantined · \d[\d,]* paused · \d[\d,]* not run · \d[\d,]* not configured$/,
  );
  for (const code of SUMMARY_ORDER) {
    // Same scan, same moment: the summary and the table agree exactly.
    expect(rows.filter((row) => row.status === code).length, `table rows ${code}`).toBe(counts[code]);
    // Without the SPs other specs change, the UI's count lies between the emulator's before and after.
    const ui = rows.filter((row) => row.status === code && !TOUCHED_BY_OTHER_SPECS.has(row.sp)).length;
    expect(ui, `${code}: UI ${ui}, emulator ${before[code]} → ${after[code]}`).toBeGreaterThanOrEqual(Math.min(before[code], after[code]));
    expect(ui, `${code}: UI ${ui}, emulator ${before[code]} → ${after[code]}`).toBeLessThanOrEqual(Math.max(before[code], after[code]));
  }
  expect(counts.Quarantine).toBeGreaterThan(50); // 2,500 generated SPs: every 7th has a job, a fifth of them quarantined
  await expectNoAxeViolations(page);
});

test("the status filter lives in the URL, narrows the rows and survives a reload", async ({ page }) => {
  await openSignedIn(page, "/jobs?status=Quarantine,Paused", "reader");
  await summaryReady(page);
  const filters = page.getByRole("group", { name: "Filter jobs by status" });
  const check = async () => {
    await expect(filters.getByRole("button", { name: /^Quarantined/ })).toHaveAttribute("aria-pressed", "true");
    await expect(filters.getByRole("button", { name: /^Paused/ })).toHaveAttribute("aria-pressed", "true");
    await expect(filters.getByRole("button", { name: /^Active/ })).toHaveAttribute("aria-pressed", "false");
    await expect(filters.getByRole("button", { name: "All" })).toHaveAttribute("aria-pressed", "false");
    const { counts, rows } = await shown(page);
    expect(rows.length).toBe(counts.Quarantine + counts.Paused);
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(["Quarantine", "Paused"]));
  };
  await check();
  await expectNoAxeViolations(page);

  // A reload starts the scan before React (lib/prefetch); the page's own query joins it: one scan, not two.
  const scans: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/fleet") scans.push(request.url());
  });
  await page.reload();
  await summaryReady(page);
  await expect(page).toHaveURL(/\/jobs\?status=Quarantine,Paused$/);
  await check();
  expect(scans).toHaveLength(1);

  await filters.getByRole("button", { name: /^Quarantined/ }).click();
  await expect(page).toHaveURL(/\/jobs\?status=Paused$/);
  await expect(page.locator("[data-testid=fleet-table] tbody tr [data-kind=status]:not([data-status=Paused])")).toHaveCount(0);
  await filters.getByRole("button", { name: "All" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(filters.getByRole("button", { name: "All" })).toHaveAttribute("aria-pressed", "true");
});

test("a row links to its job's page, and the app to its service principal", async ({ page }) => {
  await openSignedIn(page, "/jobs?status=NotConfigured", "reader");
  await summaryReady(page);
  // A generated app ("Northwind Payroll 0004"), not one other specs create or delete jobs on.
  const generated = /^(Northwind|Fabrikam|Tailspin|Woodgrove|Litware|Adatum|Proseware|Wingtip|Coho|Alpine) \w+ \d{4}$/;
  const row = page.locator("[data-testid=fleet-table] tbody tr").filter({ has: page.getByRole("link", { name: generated }) }).first();
  const spId = await row.getAttribute("data-sp-id");
  const jobId = await row.getAttribute("data-job-id");
  expect(spId && jobId).toBeTruthy();
  await expect(row.getByRole("link").first()).toHaveAttribute("href", `/service-principals/${spId}`);

  await row.getByTestId("fleet-job-link").click();
  await expect(page).toHaveURL(`/service-principals/${spId}/jobs/${encodeURIComponent(jobId!)}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // Back to the fleet: the cached scan shows at once (no rescan within the stale time).
  await page.goBack();
  await expect(page).toHaveURL(/\/jobs\?status=NotConfigured$/);
  await expect(page.getByTestId("fleet-summary")).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
});

test("a long table shows its first 100 rows; Show more adds 100, Show all the rest, and focus stays by the table", async ({ page }) => {
  await openSignedIn(page, "/jobs", "reader");
  await summaryReady(page);
  const total = Number((await page.getByTestId("fleet-count").textContent())?.replace(/\D/g, ""));
  expect(total).toBeGreaterThan(200); // 2,500 generated SPs: every 7th has a job
  const rows = page.locator("[data-testid=fleet-table] tbody tr");
  const shownLine = page.getByTestId("fleet-shown");
  await expect(rows).toHaveCount(100);
  await expect(shownLine).toHaveText(`Showing 100 of ${total} jobs.`);

  await page.getByRole("button", { name: "Show 100 more" }).click();
  await expect(rows).toHaveCount(200);
  await expect(shownLine).toHaveText(`Showing 200 of ${total} jobs.`);

  const showAll = page.getByRole("button", { name: `Show all ${total}` });
  await showAll.focus();
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(total);
  await expect(shownLine).toHaveText(`Showing all ${total} jobs.`);
  await expect(shownLine).toBeFocused();
  await expect(page.getByRole("button", { name: /^Show \d+ more$/ })).toHaveCount(0);

  // A filter starts again from the first rows (two statuses: more than 100 jobs).
  const filters = page.getByRole("group", { name: "Filter jobs by status" });
  await filters.getByRole("button", { name: /^Not configured/ }).click();
  await filters.getByRole("button", { name: /^Quarantined/ }).click();
  await expect(page).toHaveURL(/\/jobs\?status=[A-Za-z]+,[A-Za-z]+$/);
  await expect(page.getByTestId("fleet-count")).toHaveText(/^[\d,]+ of [\d,]+ jobs: /);
  const filtered = Number((await page.getByTestId("fleet-count").textContent())?.match(/^[\d,]+/)?.[0].replace(/,/g, ""));
  expect(filtered).toBeGreaterThan(100);
  await expect(rows).toHaveCount(100);
  await expect(shownLine).toHaveText(`Showing 100 of ${filtered} jobs.`);
});

test("keyboard: the filter toggles with Space and the job links are reachable", async ({ page }) => {
  await openSignedIn(page, "/jobs", "reader");
  await summaryReady(page);
  const quarantined = page.getByRole("group", { name: "Filter jobs by status" }).getByRole("button", { name: /^Quarantined/ });
  await quarantined.focus();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/\/jobs\?status=Quarantine$/);
  await expect(quarantined).toHaveAttribute("aria-pressed", "true");
  await expect(quarantined).toBeFocused();
  const link = page.getByTestId("fleet-job-link").first();
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/service-principals\/[^/]+\/jobs\/[^/]+$/);
});
