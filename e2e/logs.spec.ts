import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { recordSoftNavigations } from "./support/navigations";
import { EMULATOR_URL, emulatorControl } from "./support/emulator";
import { openSignedIn } from "./support/sign-in";

/**
 * Provisioning logs of the seeded tenant (read only: no spec changes them). Slack's initial cycle provisioned
 * its assigned people; the seeded AWS job fails to create a guest without first and last name
 * (MandatoryFieldsMissing). Graph is asked directly for what the screens should show.
 */
const SLACK = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d03";
const SLACK_JOB = "Slack.2b1f0c9d8e7a4b6c9d0e1f2a3b4c5d03";
const AWS = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d04";
const AWS_JOB = "aws.5d4c3b2a1f0e4d9c8b7a6f5e4d3c2b04";

interface Entry {
  id: string;
  provisioningAction: string;
  sourceIdentity: { id: string; displayName: string };
  provisioningStatusInfo: { status: string; errorInformation?: { errorCode?: string } };
}

async function logsFromGraph(filter: string): Promise<Entry[]> {
  const { access_token } = await emulatorControl<{ access_token: string }>("POST", "token", { persona: "admin" });
  const entries: Entry[] = [];
  let url: string | undefined = `${EMULATOR_URL}/v1.0/auditLogs/provisioning?$top=500&$filter=${encodeURIComponent(filter)}`;
  while (url) {
    const page = (await (await fetch(url, { headers: { Authorization: `Bearer ${access_token}` } })).json()) as { value: Entry[]; "@odata.nextLink"?: string };
    entries.push(...page.value);
    url = page["@odata.nextLink"];
  }
  return entries;
}

const jobLogs = (sp: string, job: string, query = "") => `/service-principals/${sp}/jobs/${encodeURIComponent(job)}/logs${query}`;
const rowIds = (page: Page) => page.getByTestId("logs-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-entry-id")));

test("a job's logs list the people its initial cycle provisioned, newest first", async ({ page }) => {
  const created = await logsFromGraph(`jobId eq '${SLACK_JOB}' and provisioningAction eq 'create'`);
  expect(created.length).toBeGreaterThan(2);
  const target = await emulatorControl<{ value: { id: string; sourceId: string }[] }>("GET", `target/${SLACK}/${encodeURIComponent(SLACK_JOB)}`);
  await openSignedIn(page, jobLogs(SLACK, SLACK_JOB, "?action=create"));
  await expect(page.getByTestId("logs-row").first()).toBeVisible();
  expect((await rowIds(page)).sort()).toEqual(created.map((entry) => entry.id).sort());
  // Every created account is in the target app.
  for (const entry of created) expect(target.value.map((account) => account.sourceId)).toContain(entry.sourceIdentity.id);
  for (const entry of created.slice(0, 3)) await expect(page.getByTestId("logs-list")).toContainText(entry.sourceIdentity.displayName);
  await expectNoAxeViolations(page);
});

test("filtering by failure shows the seeded failure with its error and recommended action; the detail has steps, modified properties and ids; the URL reproduces it", async ({ page }) => {
  const failures = await logsFromGraph(`jobId eq '${AWS_JOB}' and provisioningStatusInfo/status eq 'failure'`);
  expect(failures.length).toBeGreaterThan(0);
  await openSignedIn(page, jobLogs(AWS, AWS_JOB));
  await expect(page.getByTestId("logs-row").first()).toBeVisible();
  const unfiltered = await page.getByTestId("logs-row").count();
  expect(unfiltered).toBeGreaterThan(failures.length);
  // Apply asks Graph for the filtered page; the console's server is not asked for the page again (no RSC payload).
  const navigations = recordSoftNavigations(page);
  const filters = page.getByTestId("logs-filters");
  await filters.getByTestId("logs-filter-status").selectOption("failure");
  await filters.getByTestId("logs-apply").click();
  await expect(page).toHaveURL(/[?&]status=failure/);
  await expect(page.getByTestId("logs-row")).toHaveCount(failures.length);
  for (const row of await page.getByTestId("logs-row").all()) await expect(row).toHaveAttribute("data-status", "failure");
  expect(navigations).toEqual([]);
  // Apply made a history entry: Back shows the unfiltered logs and the form says so, Forward the failures again.
  await page.goBack();
  await expect(page).not.toHaveURL(/status=/);
  await expect(page.getByTestId("logs-row")).toHaveCount(unfiltered);
  await expect(page.getByTestId("logs-filters").getByTestId("logs-filter-status")).toHaveValue("");
  await page.goForward();
  await expect(page).toHaveURL(/[?&]status=failure/);
  await expect(page.getByTestId("logs-row")).toHaveCount(failures.length);

  await page.getByTestId("logs-row").first().getByRole("link").click();
  const detail = page.getByTestId("logs-detail");
  await expect(detail).toBeVisible();
  await expect(page).toHaveURL(/[?&]entry=/);
  await expect(detail.getByTestId("logs-error-code")).toContainText("MandatoryFieldsMissing");
  await expect(detail.getByTestId("logs-error-recommended-action")).toContainText("Correct the missing attribute values");
  const steps = detail.getByTestId("logs-step");
  expect(await steps.evaluateAll((all) => all.map((step) => step.getAttribute("data-step-type")))).toEqual(expect.arrayContaining(["import", "scoping", "export"]));
  await expect(detail.locator('[data-testid="logs-step"][data-step-type="export"]')).toHaveAttribute("data-status", "failure");
  await expect(detail.getByTestId("logs-modified-properties")).toContainText("userName");
  await expect(detail.getByTestId("logs-ids")).toContainText(AWS_JOB);
  await expectNoAxeViolations(page);

  // A reload shows the same view: the filter and the open entry.
  const url = page.url();
  await page.reload();
  await expect(page.getByTestId("logs-detail")).toBeVisible();
  await expect(page.getByTestId("logs-detail").getByTestId("logs-error-code")).toContainText("MandatoryFieldsMissing");
  await expect(page.getByTestId("logs-row")).toHaveCount(failures.length);
  expect(page.url()).toBe(url);
});

test("the tenant's logs page past the first page with Load more", async ({ page }) => {
  await openSignedIn(page, "/logs");
  const rows = page.getByTestId("logs-row");
  await expect(rows.first()).toBeVisible();
  const first = await rows.count();
  await page.getByTestId("logs-load-more").click();
  await expect.poll(() => rows.count()).toBeGreaterThan(first);
  const ids = await rowIds(page);
  expect(new Set(ids).size).toBe(ids.length);
});

test("CSV and JSON downloads contain exactly the filtered rows", async ({ page }) => {
  const filter = `jobId eq '${SLACK_JOB}' and provisioningAction eq 'create'`;
  const expected = (await logsFromGraph(filter)).map((entry) => entry.id).sort();
  await openSignedIn(page, jobLogs(SLACK, SLACK_JOB, "?action=create"));
  await expect(page.getByTestId("logs-row").first()).toBeVisible();

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByTestId("logs-download-json").click()]);
  await expect(page.getByTestId("logs-download-done")).toHaveAttribute("data-rows", String(expected.length));
  expect(json.suggestedFilename()).toBe("ProvisioningLogs.json");
  const entries = JSON.parse(readFileSync((await json.path())!, "utf8")) as Entry[];
  expect(entries.map((entry) => entry.id).sort()).toEqual(expected);

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("logs-download-csv").click()]);
  await expect(page.getByTestId("logs-download-done")).toHaveAttribute("data-rows", String(expected.length));
  expect(csv.suggestedFilename()).toBe("ProvisioningLogs.csv");
  // The portal's steps and modified properties, joined by change ID, as companion files.
  await expect(page.locator('[data-testid="logs-download-file"][data-name="ProvisioningLogs_ProvisioningSteps.csv"]')).toBeVisible();
  const text = readFileSync((await csv.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = text.trim().split("\r\n");
  expect(lines).toHaveLength(expected.length + 1);
  for (const id of expected) expect(text).toContain(id);
});

test("the auditor reads the logs but no jobs", async ({ page }) => {
  await openSignedIn(page, "/logs", "auditor");
  await expect(page.getByTestId("logs-row").first()).toBeVisible();
  await page.goto(`/service-principals/${SLACK}/jobs/${encodeURIComponent(SLACK_JOB)}`);
  await expect(page.locator('main [data-error-kind="missing-sync-permission"]').first()).toContainText(/Synchronization/);
});

test("without AuditLog.Read.All the logs explain what is missing, and the rest of the console still works", async ({ page }) => {
  await openSignedIn(page, "/logs", "nosync");
  const problem = page.getByTestId("logs-access-problem");
  await expect(problem).toBeVisible();
  await expect(problem).toContainText("AuditLog.Read.All");
  await expect(problem).toContainText("Reports Reader");
  await expectNoAxeViolations(page);
  await page.goto("/service-principals");
  await page.getByLabel("Search by display name").fill("slack");
  await expect(page.getByRole("row", { name: /Slack/ }).first()).toBeVisible();
  await page.goto(`/service-principals/${SLACK}`);
  await page.getByTestId("activity").getByTestId("activity-toggle").click();
  await expect(page.getByTestId("activity").getByTestId("logs-access-problem")).toBeVisible();
});

test("the job card's Logs link opens the job's logs filtered to its last cycle", async ({ page }) => {
  await openSignedIn(page, `/service-principals/${AWS}/jobs/${encodeURIComponent(AWS_JOB)}`);
  await page.getByTestId("job-status-card").getByTestId("job-logs-link").click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${AWS_JOB.replace(".", "\\.")}/logs\\?cycle=`));
  const cycle = new URL(page.url()).searchParams.get("cycle");
  await expect(page.getByTestId("logs-filter-cycle")).toHaveValue(cycle!);
  const expected = await logsFromGraph(`jobId eq '${AWS_JOB}' and cycleId eq '${cycle}'`);
  // AWS retries its escrowed create every cycle, so its last cycle logged that failure.
  expect(expected.length).toBeGreaterThan(0);
  await expect(page.getByTestId("logs-row")).toHaveCount(expected.length);
});
