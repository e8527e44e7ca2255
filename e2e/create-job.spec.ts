import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { emulatorControl } from "./support/emulator";
import { graphGet, requestLog } from "./support/graph";
import { openSignedIn } from "./support/sign-in";

const ZOOM = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d08";
const SF_SANDBOX = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d0c";
const BOX = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01";

type Jobs = { value: { id: string; templateId: string }[] };
const jobIds = async (sp: string) => (await graphGet<Jobs>(`/servicePrincipals/${sp}/synchronization/jobs`)).value.map((job) => job.id);
const posts = async (sp: string) =>
  (await requestLog()).filter((r) => r.method === "POST" && r.path.endsWith(`/servicePrincipals/${sp}/synchronization/jobs`));

/** Submits the form; `existingJobs` says whether the template already has a job (then it must be confirmed). */
async function submit(page: Page, existingJobs: number) {
  const form = page.getByTestId("create-job");
  if (existingJobs > 0) await form.getByTestId("confirm-duplicate").check();
  await form.getByTestId("create-job-submit").click();
}

// These tests create jobs in the shared emulator; they run one after another and compare before/after.
test.describe.configure({ mode: "serial" });

test.afterEach(async () => {
  await emulatorControl("DELETE", "faults");
});

test("an admin creates a job from the default template and reads the returned schedule and status", async ({ page }) => {
  const before = await jobIds(ZOOM);
  const postsBefore = (await posts(ZOOM)).length;
  await openSignedIn(page, `/service-principals/${ZOOM}`);
  const form = page.getByTestId("create-job");
  await expect(form.getByRole("radio", { name: /zoom/ })).toBeChecked();
  await expectNoAxeViolations(page);

  // Two quick submits create one job.
  await form.getByTestId("create-job-submit").dblclick();
  const created = page.getByTestId("created-job");
  await expect(created).toBeVisible();
  const card = created.getByTestId("job-status-card");
  await expect(card.locator('[data-kind="status"]')).toHaveAttribute("data-status", "NotConfigured");
  await expect(card.locator('[data-kind="schedule"]')).toHaveAttribute("data-status", "Disabled");
  await expect(card).toContainText("Not scheduled");
  await expect(card).toContainText("Job was not configured and never run");
  await expect(created).toContainText("Start the job");
  await expect(page.getByTestId("create-job-status")).toHaveText(/created/i);

  const after = await jobIds(ZOOM);
  const added = after.filter((id) => !before.includes(id));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatch(/^zoom\.[0-9a-f]{32}$/);
  expect((await posts(ZOOM)).length - postsBefore).toBe(1);
  await expect(created).toHaveAttribute("data-job-id", added[0]);
  // The page's job list refreshed with the new job.
  await expect(page.locator(`section[aria-labelledby="jobs-heading"] [data-job-id="${added[0]}"]`)).toBeVisible();
  await expectNoAxeViolations(page);

  await created.getByTestId("created-job-link").click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${added[0].replace(".", "\\.")}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(added[0]);
});

test("a template that already has a job needs an explicit confirmation", async ({ page }) => {
  const before = await jobIds(BOX);
  await openSignedIn(page, `/service-principals/${BOX}`);
  const form = page.getByTestId("create-job");
  await expect(form.getByTestId("duplicate-warning")).toContainText("already has a job from BoxOutDelta");
  await form.getByTestId("create-job-submit").click();
  await expect(form.getByTestId("create-job-problem")).toBeVisible();
  expect(await jobIds(BOX)).toEqual(before);

  await form.getByTestId("confirm-duplicate").check();
  await form.getByTestId("create-job-submit").click();
  await expect(page.getByTestId("created-job")).toBeVisible();
  expect((await jobIds(BOX)).length).toBe(before.length + 1);
});

test("a read-only admin sees the form disabled with the reason", async ({ page }) => {
  await openSignedIn(page, `/service-principals/${ZOOM}`, "reader");
  const form = page.getByTestId("create-job");
  await expect(form.getByTestId("create-job-read-only")).toContainText("Synchronization.ReadWrite.All");
  await expect(form.getByTestId("create-job-submit")).toBeDisabled();
});

test("after a 503 the console checks the job list, says no job exists, and a retry creates exactly one", async ({ page }) => {
  const before = await jobIds(SF_SANDBOX);
  await openSignedIn(page, `/service-principals/${SF_SANDBOX}`);
  await emulatorControl("POST", "faults", { method: "POST", path: `/servicePrincipals/${SF_SANDBOX}/synchronization/jobs`, status: 503, count: 1 });
  await submit(page, before.length);
  const error = page.getByTestId("create-job-error");
  await expect(error).toHaveAttribute("data-error-kind", "server");
  await expect(error.getByTestId("ambiguity-check")).toContainText(/no job|not created/i);
  await expect(error.getByTestId("error-code")).toBeVisible();
  expect(await jobIds(SF_SANDBOX)).toEqual(before);

  await page.getByTestId("create-job-submit").click();
  await expect(page.getByTestId("created-job")).toBeVisible();
  expect((await jobIds(SF_SANDBOX)).length).toBe(before.length + 1);
});

test("after a 429 the console waits out Retry-After before offering the retry", async ({ page }) => {
  const before = await jobIds(SF_SANDBOX);
  await openSignedIn(page, `/service-principals/${SF_SANDBOX}`);
  await emulatorControl("POST", "faults", { method: "POST", path: `/servicePrincipals/${SF_SANDBOX}/synchronization/jobs`, status: 429, retryAfter: 3, count: 1 });
  await submit(page, before.length);
  await expect(page.getByTestId("retry-wait")).toBeVisible();
  await expect(page.getByTestId("create-job-submit")).toBeDisabled();
  await expect(page.getByTestId("create-job-submit")).toBeEnabled({ timeout: 6_000 });
  expect(await jobIds(SF_SANDBOX)).toEqual(before);
  await submit(page, before.length);
  await expect(page.getByTestId("created-job")).toBeVisible();
  expect((await jobIds(SF_SANDBOX)).length).toBe(before.length + 1);
});

test("when the connection drops after Graph created the job, the console finds it and creates no second one", async ({ page }) => {
  const before = await jobIds(BOX);
  await openSignedIn(page, `/service-principals/${BOX}`);
  await emulatorControl("POST", "faults", { method: "POST", path: `/servicePrincipals/${BOX}/synchronization/jobs`, resetAfter: true, count: 1 });
  await submit(page, before.length);
  const created = page.getByTestId("created-job");
  await expect(created.getByTestId("recovered-note")).toContainText("created once");
  const after = await jobIds(BOX);
  const added = after.filter((id) => !before.includes(id));
  expect(added).toHaveLength(1);
  await expect(created).toHaveAttribute("data-job-id", added[0]);
  await expect(page.getByTestId("create-job-submit")).toHaveCount(0);
});

test("an admin without Synchronization permissions is told why templates and jobs are hidden", async ({ page }) => {
  await openSignedIn(page, `/service-principals/${BOX}`, "nosync");
  const panels = page.getByRole("alert").filter({ hasText: "missing Synchronization permission" });
  await expect(panels).toHaveCount(2);
  await expect(panels.first()).toContainText("Synchronization.ReadWrite.All");
  await expect(page.getByTestId("create-job")).toHaveCount(0);
});
