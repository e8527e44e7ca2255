import { existsSync, readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { describeFindings, scanText } from "../lib/security/secret-scan";
import { E2E_CONSOLE_LOG_FILE } from "../playwright.config";
import { expectNoAxeViolations } from "./support/axe";
import { emulatorControl } from "./support/emulator";
import { graphGet, requestLog } from "./support/graph";
import { openSignedIn } from "./support/sign-in";

/**
 * Configure a job, as a new admin would: create it, type the admin credentials, test them (wrong, then right),
 * save, start, and watch the initial cycle provision people into the embedded AWS target. Its "sync all" test
 * provisions the whole tenant into AWS: the spec runs last, in its own project (playwright.config.ts). The tests
 * share the job they create: serial.
 */
test.describe.configure({ mode: "serial" });

const AWS = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d04";
/** The embedded SCIM-style target's demo credentials (lib/emulator/README.md). */
const DEMO = { BaseAddress: "https://scim.example.com/v2", SecretToken: "s3cr3t-token-value" };
const WRONG_TOKEN = "not-the-demo-token-4f1c";

let jobId = "";
const configurePage = (id: string) => `/service-principals/${AWS}/jobs/${encodeURIComponent(id)}/configure`;
const secretsWrites = async () => (await requestLog()).filter((r) => r.method === "PUT" && r.path.split("?")[0].endsWith(`/servicePrincipals/${AWS}/synchronization/secrets`));
const validations = async () => (await requestLog()).filter((r) => r.method === "POST" && r.path.split("?")[0].endsWith("/validateCredentials"));

async function fillCredentials(page: Page, token: string) {
  const form = page.getByTestId("configure-form");
  await form.getByTestId("configure-field-BaseAddress").fill(DEMO.BaseAddress);
  await form.getByTestId("configure-field-SecretToken").fill(token);
}

test("a new job: wrong token fails Test connection with the connector's error, the demo one passes; Save, Start, and the initial cycle provisions", async ({ page }) => {
  test.setTimeout(150_000);
  await openSignedIn(page, `/service-principals/${AWS}`);
  const create = page.getByTestId("create-job");
  await expect(create).toBeVisible();
  const duplicate = create.getByTestId("confirm-duplicate");
  if (await duplicate.isVisible()) await duplicate.check();
  await create.getByTestId("create-job-submit").click();
  const created = page.getByTestId("created-job");
  await expect(created).toBeVisible();
  jobId = (await created.getAttribute("data-job-id")) ?? "";
  expect(jobId).toMatch(/^aws\.[0-9a-f]{32}$/);

  // The result's next step leads to Configure.
  await created.getByTestId("created-job-configure-link").click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${jobId.replace(".", "\\.")}/configure$`));
  const form = page.getByTestId("configure-form");
  await expect(form).toBeVisible();
  await expect(form.getByTestId("configure-field-SecretToken")).toHaveAttribute("type", "password");
  await expectNoAxeViolations(page);

  // Wrong token: the connector's error, and nothing saved.
  const writesBefore = (await secretsWrites()).length;
  await fillCredentials(page, WRONG_TOKEN);
  await form.getByTestId("configure-toggle-SecretToken").click();
  await expect(form.getByTestId("configure-field-SecretToken")).toHaveAttribute("type", "text");
  await form.getByTestId("configure-toggle-SecretToken").click();
  await form.getByTestId("configure-test").click();
  const result = form.getByTestId("configure-test-result");
  await expect(result).toHaveAttribute("data-outcome", "failed");
  await expect(result).toContainText("SystemForCrossDomainIdentityManagementCredentialValidationUnavailable");
  await expect(result).not.toContainText(WRONG_TOKEN);
  expect((await validations()).at(-1)?.status).toBe(400);

  // The demo token passes.
  await form.getByTestId("configure-field-SecretToken").fill(DEMO.SecretToken);
  await form.getByTestId("configure-test").click();
  await expect(result).toHaveAttribute("data-outcome", "passed");
  expect((await validations()).at(-1)?.status).toBe(204);
  expect((await secretsWrites()).length, "Test connection saves nothing").toBe(writesBefore);

  // Save: one PUT, the secret field forgets its value.
  await form.getByTestId("configure-save").click();
  await expect(form.getByTestId("configure-save-result")).toHaveAttribute("data-outcome", "saved");
  expect((await secretsWrites()).map((r) => r.status).slice(writesBefore)).toEqual([204]);
  await expect(form.getByTestId("configure-field-SecretToken")).toHaveValue("");
  const saved = await graphGet<{ value: { key: string; value: string }[] }>(`/servicePrincipals/${AWS}/synchronization/secrets`);
  expect(saved.value).toEqual(expect.arrayContaining([{ key: "BaseAddress", value: DEMO.BaseAddress }, { key: "SecretToken", value: "*****" }]));

  // Start, from the job page; the initial cycle runs and provisions the people assigned to AWS.
  await form.getByTestId("configure-back-to-job").click();
  const card = page.getByTestId("job-status-card");
  await card.getByTestId("job-lifecycle").getByTestId("lifecycle-start").click();
  await expect(card.locator('[data-kind="status"]')).toHaveAttribute("data-status", "Active", { timeout: 90_000 });
  const target = await emulatorControl<{ value: { objectType: string }[] }>("GET", `target/${AWS}/${encodeURIComponent(jobId)}`);
  const users = target.value.filter((account) => account.objectType === "User").length;
  expect(users).toBeGreaterThan(2);
  await expect(card).toContainText("User to User");
  await expect(card.getByText("User to User").locator("..")).toContainText(String(users));
});

test("the job's Activity lists the save and the start this admin just did, by name", async ({ page }) => {
  await openSignedIn(page, `/service-principals/${AWS}/jobs/${encodeURIComponent(jobId)}`);
  const activity = page.getByTestId("activity");
  await activity.getByTestId("activity-toggle").click();
  const rows = activity.getByTestId("activity-row");
  await expect(rows.first()).toBeVisible();
  const start = activity.locator('[data-testid="activity-row"][data-activity="Enable/start provisioning configuration"]');
  await expect(start).toHaveCount(1);
  await expect(start).toContainText("Adele Vance");
  await expect(start).toHaveAttribute("data-result", "success");
  await expectNoAxeViolations(page);
});

test("a change to “Sync all users and groups” offers the restart it needs; the restart runs", async ({ page }) => {
  await openSignedIn(page, configurePage(jobId));
  const form = page.getByTestId("configure-form");
  await form.getByTestId("configure-scope-all").check();
  await expect(form.getByTestId("configure-scope-note")).toContainText(/restart/i);
  await fillCredentials(page, DEMO.SecretToken);
  await form.getByTestId("configure-save").click();
  await expect(form.getByTestId("configure-save-result")).toHaveAttribute("data-outcome", "saved");
  const offer = form.getByTestId("configure-restart-offer");
  await expect(offer).toBeVisible();
  const restartsBefore = (await requestLog()).filter((r) => r.method === "POST" && r.path.includes(`/${jobId}/restart`)).length;
  await offer.getByTestId("configure-restart").click();
  await expect(form.getByTestId("configure-restarted")).toBeVisible();
  expect((await requestLog()).filter((r) => r.method === "POST" && r.path.includes(`/${jobId}/restart`)).length).toBe(restartsBefore + 1);
  const saved = await graphGet<{ value: { key: string; value: string }[] }>(`/servicePrincipals/${AWS}/synchronization/secrets`);
  expect(saved.value).toContainEqual({ key: "SyncAll", value: "true" });
});

test("the reader sees the saved configuration, masked, and cannot change or test it", async ({ page }) => {
  await openSignedIn(page, configurePage(jobId), "reader");
  const form = page.getByTestId("configure-form");
  await expect(form.getByTestId("configure-read-only")).toBeVisible();
  await expect(form.getByTestId("configure-field-BaseAddress")).toHaveValue(DEMO.BaseAddress);
  await expect(form.getByTestId("configure-field-BaseAddress")).toBeDisabled();
  await expect(form.getByTestId("configure-field-SecretToken")).toHaveValue("");
  await expect(form.getByTestId("configure-save")).toBeDisabled();
  await expect(form.getByTestId("configure-test")).toBeDisabled();
  await expectNoAxeViolations(page);
});

test("after a save, the secret is in no log, URL, storage, page or server answer", async ({ page, context }) => {
  const urls: string[] = [];
  const answers: string[] = [];
  context.on("request", (request) => urls.push(request.url()));
  context.on("response", async (response) => {
    if (response.request().headers()["next-action"] || response.request().headers()["rsc"]) answers.push(await response.text().catch(() => ""));
  });
  await openSignedIn(page, configurePage(jobId));
  const form = page.getByTestId("configure-form");
  await fillCredentials(page, DEMO.SecretToken);
  await form.getByTestId("configure-save").click();
  await expect(form.getByTestId("configure-save-result")).toHaveAttribute("data-outcome", "saved");
  await page.goto(`/service-principals/${AWS}/jobs/${encodeURIComponent(jobId)}`);
  await expect(page.getByTestId("job-status-card")).toBeVisible();
  await page.waitForTimeout(500);

  const secretValues = [DEMO.SecretToken];
  const stored = await page.evaluate(() => ({ local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }), html: document.documentElement.outerHTML }));
  expect(answers.length, "a server action answered").toBeGreaterThan(0);
  expect(existsSync(E2E_CONSOLE_LOG_FILE)).toBe(true);
  const findings = [
    ...urls.flatMap((url) => scanText(`browser request ${url.slice(0, 80)}`, url, { secretValues })),
    ...scanText("emulator request log", JSON.stringify(await requestLog()), { secretValues }),
    ...scanText("localStorage", stored.local, { secretValues }),
    ...scanText("page HTML", stored.html, { secretValues }),
    ...scanText("cookies", JSON.stringify(await context.cookies()), { secretValues }),
    ...answers.flatMap((answer, i) => scanText(`server answer ${i}`, answer, { secretValues })),
    ...scanText("console log", readFileSync(E2E_CONSOLE_LOG_FILE, "utf8"), { secretValues }),
  ];
  expect(findings, describeFindings(findings)).toEqual([]);
  // MSAL keeps its tokens in sessionStorage (token-hygiene.spec.ts): there, only the secret itself is looked for.
  expect(stored.session).not.toContain(DEMO.SecretToken);
});
