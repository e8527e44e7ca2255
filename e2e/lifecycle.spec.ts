import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { EMULATOR_URL, emulatorControl } from "./support/emulator";
import { graphGet, graphWrite, requestLog } from "./support/graph";
import { openSignedIn } from "./support/sign-in";

/**
 * Job lifecycle on the shared e2e emulator: Start → initial cycle → Active → Pause → Restart (Full) → Delete
 * on a job this spec creates on the Databricks SP (no other spec changes it), then the seeded quarantined
 * Salesforce job, last. The tests depend on each other and change the emulator's clock: serial.
 */
test.describe.configure({ mode: "serial" });

const DATABRICKS = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d06";
const DATABRICKS_NAME = "Azure Databricks SCIM Provisioning Connector";
const SEEDED_DATABRICKS_JOB = "dataBricks.0f1e2d3c4b5a49687f6e5d4c3b2a1906";
const SALESFORCE = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d02";
const SALESFORCE_JOB = "SfOutDelta.e4bbf44533ea4eabb17027f3a92e9202";
/**
 * Engine speed for the initial cycle: 24–36 pages at one page per engine minute take 12–18 s at 120
 * (the default 60 takes 24–36 s), so a 3 s poll sees the progress move several times.
 */
const FAST_CLOCK = 120;

type Job = { id: string; status?: { code?: string; quarantine?: unknown } };

let jobId = "";
let defaultSpeed = 60;

const jobPage = (spId: string, id: string) => `/service-principals/${spId}/jobs/${id}`;
const graphJob = (spId: string, id: string) => graphGet<Job>(`/servicePrincipals/${spId}/synchronization/jobs/${id}`);
const jobIds = async (spId: string) => (await graphGet<{ value: Job[] }>(`/servicePrincipals/${spId}/synchronization/jobs`)).value.map((job) => job.id);
const writesTo = async (suffix: string) => (await requestLog()).filter((r) => r.method !== "GET" && r.path.split("?")[0].endsWith(suffix));
const statusOf = (card: Locator) => card.locator('[data-kind="status"]');
const scheduleOf = (card: Locator) => card.locator('[data-kind="schedule"]');
const announcer = (page: Page) => page.getByTestId("lifecycle-announcer");

async function setClockSpeed(speed: number) {
  await emulatorControl("POST", "clock", { speed });
}

test.beforeAll(async () => {
  defaultSpeed = (await emulatorControl<{ speed: number }>("GET", "clock")).speed;
  // A fresh job, created the way Graph documents it (disabled, NotConfigured).
  const { access_token } = await emulatorControl<{ access_token: string }>("POST", "token", { persona: "admin" });
  const response = await fetch(`${EMULATOR_URL}/beta/servicePrincipals/${DATABRICKS}/synchronization/jobs`, {
    method: "POST",
    headers: { Authorization: `Bearer ${access_token}`, "content-type": "application/json" },
    body: JSON.stringify({ templateId: "dataBricks" }),
  });
  expect(response.status).toBe(201);
  jobId = ((await response.json()) as Job).id;
  expect(jobId).toMatch(/^dataBricks\.[0-9a-f]{32}$/);
  // The admin credentials the embedded Databricks target accepts (lib/emulator/README.md), as an admin saves them.
  const saved = await graphWrite("PUT", `/servicePrincipals/${DATABRICKS}/synchronization/secrets`, {
    value: [
      { key: "BaseAddress", value: "https://scim.example.com/v2" },
      { key: "SecretToken", value: "s3cr3t-token-value" },
    ],
  });
  expect(saved.status).toBe(204);
});

test.afterAll(async () => {
  await setClockSpeed(defaultSpeed);
  await emulatorControl("DELETE", "faults");
});

test("Start runs the initial cycle with moving progress, then the job is Active with counts; Start is not offered while it runs", async ({ page }) => {
  test.setTimeout(120_000);
  await openSignedIn(page, jobPage(DATABRICKS, jobId));
  const card = page.getByTestId("job-status-card");
  await expect(statusOf(card)).toHaveAttribute("data-status", "NotConfigured");
  const controls = card.getByTestId("job-lifecycle");
  await expect(controls).toHaveAttribute("data-phase", "not-configured");
  const start = controls.getByTestId("lifecycle-start");
  await expect(start).toHaveAttribute("data-emphasis", "primary");
  await expect(controls.getByTestId("lifecycle-pause")).toHaveCount(0);
  await expectNoAxeViolations(page);

  await setClockSpeed(FAST_CLOCK);
  try {
    const before = (await writesTo(`/${jobId}/start`)).length;
    // Two quick clicks send one start (the lock is synchronous).
    await start.dblclick();
    await expect(statusOf(card)).toHaveAttribute("data-status", "NotRun");
    await expect(scheduleOf(card)).toHaveAttribute("data-status", "Active");
    await expect(announcer(page)).toHaveText(`Job ${jobId} started. Its status refreshes as the cycle runs.`);
    expect((await writesTo(`/${jobId}/start`)).length - before).toBe(1);
    expect((await writesTo(`/${jobId}/start`)).at(-1)?.status).toBe(204);

    // While the job runs, Start is gone and Pause is offered.
    await expect(controls).toHaveAttribute("data-phase", "running");
    await expect(controls.getByTestId("lifecycle-start")).toHaveCount(0);
    await expect(controls.getByTestId("lifecycle-pause")).toBeEnabled();

    // The live card's progress bar moves (the page polls while the cycle runs).
    const bar = card.getByRole("progressbar");
    await expect(bar).toBeVisible({ timeout: 15_000 });
    const first = Number(await bar.getAttribute("aria-valuenow"));
    await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 20_000 }).toBeGreaterThan(first);

    // The cycle completes: Active, with the counts of the last run and the synchronized entries.
    await expect(statusOf(card)).toHaveAttribute("data-status", "Active", { timeout: 45_000 });
    await expect(card).toContainText("User to User");
    expect((await graphJob(DATABRICKS, jobId)).status?.code).toBe("Active");
  } finally {
    await setClockSpeed(defaultSpeed);
  }
});

test("Pause stops the job and offers Start again", async ({ page }) => {
  await openSignedIn(page, jobPage(DATABRICKS, jobId));
  const card = page.getByTestId("job-status-card");
  const controls = card.getByTestId("job-lifecycle");
  await controls.getByTestId("lifecycle-pause").click();
  await expect(statusOf(card)).toHaveAttribute("data-status", "Paused");
  await expect(announcer(page)).toContainText(`Job ${jobId} paused`);
  await expect(controls.getByTestId("lifecycle-start")).toHaveAttribute("data-emphasis", "primary");
  await expect(controls.getByTestId("lifecycle-pause")).toHaveCount(0);
  expect((await graphJob(DATABRICKS, jobId)).status?.code).toBe("Paused");
  expect((await writesTo(`/${jobId}/pause`)).map((r) => r.status)).toEqual([204]);
});

test("Restart opens an accessible dialog: Escape closes it, Full implies the first three flags, and the restart is confirmed", async ({ page }) => {
  await openSignedIn(page, jobPage(DATABRICKS, jobId));
  const card = page.getByTestId("job-status-card");
  const restart = card.getByTestId("lifecycle-restart");

  // Focus moves into the modal, Escape closes it, focus returns to the opener.
  await restart.click();
  const dialog = page.getByRole("dialog", { name: `Restart job ${jobId}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expect(dialog.getByTestId("restart-scope")).toContainText("an empty reset scope (Restart provisioning)");
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(restart).toBeFocused();

  await restart.click();
  await expect(dialog).toBeVisible();
  await dialog.getByText("Advanced: choose what to reset").click();
  await expect(dialog.getByRole("checkbox")).toHaveCount(5);
  await dialog.getByLabel("Full", { exact: true }).check();
  for (const implied of ["Escrows", "Watermark", "QuarantineState"]) {
    await expect(dialog.getByLabel(new RegExp(`^${implied}`))).toBeChecked();
    await expect(dialog.getByLabel(new RegExp(`^${implied}`))).toBeDisabled();
  }
  await expect(dialog.getByLabel("ForceDeletes")).not.toBeChecked();
  await expect(dialog.getByTestId("restart-scope")).toContainText('resetScope "Full"');
  await expectNoAxeViolations(page);

  await dialog.getByTestId("restart-confirm").click();
  await expect(dialog).toBeHidden();
  await expect(announcer(page)).toHaveText(`Job ${jobId} restarted (reset scope: Full). Its status refreshes as the cycle runs.`);
  await expect(statusOf(card)).toHaveAttribute("data-status", "NotRun");
  await expect(restart).toBeFocused();
  expect((await writesTo(`/${jobId}/restart`)).map((r) => r.status)).toEqual([204]);
  expect((await graphJob(DATABRICKS, jobId)).status?.code).toBe("NotRun");
});

test("Delete names the job and the app, says the accounts stay, needs a tick, and leads back to the app without the job", async ({ page }) => {
  await openSignedIn(page, jobPage(DATABRICKS, jobId));
  const card = page.getByTestId("job-status-card");
  await card.getByTestId("lifecycle-delete").click();
  const dialog = page.getByRole("dialog", { name: `Delete job ${jobId}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(jobId);
  await expect(dialog).toContainText(DATABRICKS_NAME);
  await expect(dialog.getByTestId("delete-accounts-kept")).toContainText("left as they are");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoAxeViolations(page);

  const confirm = dialog.getByTestId("delete-confirm");
  await expect(confirm).toBeDisabled();
  await dialog.getByTestId("delete-understood").check();
  await confirm.click();

  await expect(page).toHaveURL(new RegExp(`/service-principals/${DATABRICKS}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DATABRICKS_NAME);
  await expect(page.locator(`[data-testid="job-status-card"][data-job-id="${jobId}"]`)).toHaveCount(0);
  await expect(page.locator(`[data-testid="job-status-card"][data-job-id="${SEEDED_DATABRICKS_JOB}"]`)).toBeVisible();
  await expect(announcer(page)).toHaveText(`Job ${jobId} deleted. The accounts it provisioned were left as they are.`);
  expect(await jobIds(DATABRICKS)).not.toContain(jobId);
  expect((await writesTo(`/jobs/${jobId}`)).filter((r) => r.method === "DELETE").map((r) => r.status)).toEqual([204]);
});

test("a read-only admin sees the controls disabled with the reason", async ({ page }) => {
  await openSignedIn(page, `/service-principals/${DATABRICKS}`, "reader");
  const card = page.locator(`[data-testid="job-status-card"][data-job-id="${SEEDED_DATABRICKS_JOB}"]`);
  const controls = card.getByTestId("job-lifecycle");
  await expect(controls.getByTestId("lifecycle-read-only")).toContainText("Synchronization.ReadWrite.All");
  await expect(controls.getByTestId("lifecycle-start")).toBeDisabled();
  await expect(controls.getByTestId("lifecycle-delete")).toBeDisabled();
  await expectNoAxeViolations(page);
});

test("a 503 on Start rolls the card back and says the state is uncertain, with Graph's code and request-id", async ({ page }) => {
  // The seeded Databricks job is NotConfigured, so Start is its control.
  await openSignedIn(page, jobPage(DATABRICKS, SEEDED_DATABRICKS_JOB));
  const card = page.getByTestId("job-status-card");
  await emulatorControl("POST", "faults", { method: "POST", path: `**/jobs/${SEEDED_DATABRICKS_JOB}/start`, status: 503, count: 1 });
  // The fault answers before the engine sees the request, so the job really stays NotConfigured.
  await card.getByTestId("lifecycle-start").click();
  const error = card.getByTestId("lifecycle-error");
  await expect(error).toHaveAttribute("data-error-kind", "server");
  await expect(error).toHaveAttribute("data-ambiguous", "true");
  await expect(error).toContainText("uncertain");
  await expect(error.getByTestId("lifecycle-error-code")).toContainText("HTTP 503");
  await expect(error.getByTestId("lifecycle-error-request-id")).toBeVisible();
  await expect(statusOf(card)).toHaveAttribute("data-status", "NotConfigured");
  expect((await writesTo(`/${SEEDED_DATABRICKS_JOB}/start`)).map((r) => r.status)).toEqual([503]);
  expect((await graphJob(DATABRICKS, SEEDED_DATABRICKS_JOB)).status?.code).toBe("NotConfigured");
});

test("the seeded quarantined job shows its banner, and Start clears it", async ({ page }) => {
  // Last: this changes the seed. With the clock stopped the job cannot hit its bad credentials again; once
  // the clock runs again, its next run (two engine minutes in) puts it back in quarantine by itself.
  await setClockSpeed(0);
  try {
    await openSignedIn(page, jobPage(SALESFORCE, SALESFORCE_JOB));
    const banner = page.getByTestId("quarantine-banner");
    await expect(banner).toBeVisible();
    const start = banner.getByTestId("lifecycle-start");
    await expect(start).toBeEnabled();
    await expectNoAxeViolations(page);

    await start.click();
    await expect(banner).toBeHidden();
    const card = page.getByTestId("job-status-card");
    await expect(statusOf(card)).not.toHaveAttribute("data-status", "Quarantine");
    await expect(announcer(page)).toContainText(`Job ${SALESFORCE_JOB} started`);
    const job = await graphJob(SALESFORCE, SALESFORCE_JOB);
    expect(job.status?.code).not.toBe("Quarantine");
    expect(job.status?.quarantine).toBeFalsy();
  } finally {
    await setClockSpeed(defaultSpeed);
  }
  // The seed's quarantine comes back on its own (bad saved credentials).
  await expect.poll(async () => (await graphJob(SALESFORCE, SALESFORCE_JOB)).status?.code, { timeout: 15_000 }).toBe("Quarantine");
});

test("Configure fixes the quarantined Salesforce job: the demo credentials pass Test connection, and after Save it leaves quarantine at its next attempt", async ({ page }) => {
  test.setTimeout(120_000);
  await openSignedIn(page, jobPage(SALESFORCE, SALESFORCE_JOB));
  await page.getByTestId("quarantine-banner").getByTestId("quarantine-configure-link").click();
  const form = page.getByTestId("configure-form");
  await expect(form).toBeVisible();
  // The admin credentials the embedded Salesforce target accepts (lib/emulator/README.md).
  await form.getByTestId("configure-field-UserName").fill("admin@contoso-sfdc.example");
  await form.getByTestId("configure-field-Password").fill("Sfdc-Demo-2026");
  await form.getByTestId("configure-field-SecretToken").fill("sfdc-security-token");
  await form.getByTestId("configure-test").click();
  await expect(form.getByTestId("configure-test-result")).toHaveAttribute("data-outcome", "passed");
  await form.getByTestId("configure-save").click();
  await expect(form.getByTestId("configure-save-result")).toHaveAttribute("data-outcome", "saved");

  await setClockSpeed(FAST_CLOCK);
  try {
    await expect.poll(async () => (await graphJob(SALESFORCE, SALESFORCE_JOB)).status?.code, { timeout: 60_000 }).toBe("Active");
  } finally {
    await setClockSpeed(defaultSpeed);
  }
  await form.getByTestId("configure-back-to-job").click();
  await expect(page.getByTestId("quarantine-banner")).toBeHidden();
});
