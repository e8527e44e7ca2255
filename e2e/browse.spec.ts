import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { emulatorControl } from "./support/emulator";
import { graphGet, requestLog } from "./support/graph";
import { openSignedIn, signInFromScreen } from "./support/sign-in";

const BOX = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01";
const BOX_JOB = "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01";
const MS_GRAPH = "5a1e0c77-7e0f-4b3c-8f21-6d2c9b0a1f01";

test("a partial name search finds a seeded app, with its jobs in the provisioning column", async ({ page }) => {
  await openSignedIn(page, "/service-principals");
  await page.getByLabel("Search by display name").fill("sales");
  await expect(page).toHaveURL(/\?q=sales$/);
  const row = page.getByRole("row", { name: /Salesforce/ }).first();
  await expect(row).toBeVisible();
  await expect(page.getByTestId("sp-count")).toContainText("matching “sales”");
  await expect(row.getByTestId("provisioning-jobs").locator("[data-status]").first()).toBeVisible();
  await expect(page.getByRole("row", { name: /Box/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("the search lives in the URL and a shared search link opens with it", async ({ page }) => {
  await openSignedIn(page, "/service-principals?q=zoom");
  await expect(page.getByLabel("Search by display name")).toHaveValue("zoom");
  await expect(page.getByRole("row", { name: /Zoom/ })).toBeVisible();
});

test("Load more follows @odata.nextLink to an app on page 3 of a 2,500-SP tenant", async ({ page }) => {
  const all = await graphGet<{ value: { displayName: string }[] }>("/servicePrincipals?$select=displayName&$top=999");
  const onPage3 = all.value[250].displayName;
  await openSignedIn(page, "/service-principals");
  await expect(page.getByTestId("sp-count")).toHaveText(/^Showing 100 of 2,5\d\d service principals$/);
  await expect(page.getByRole("link", { name: onPage3, exact: true })).toHaveCount(0);
  for (const shown of ["200", "300"]) {
    await page.getByRole("button", { name: "Load more" }).click();
    await expect(page.getByTestId("sp-count")).toHaveText(new RegExp(`^Showing ${shown} of`));
  }
  await expect(page.getByRole("link", { name: onPage3, exact: true })).toBeVisible();
});

test("a cold deep link through sign-in shows the app's templates and job cards", async ({ page }) => {
  await page.goto(`/service-principals/${BOX}`);
  await signInFromScreen(page, "reader");
  await expect(page.getByRole("heading", { level: 1, name: "Box" })).toBeVisible();
  await expect(page.getByTestId("template").filter({ hasText: "BoxOutDelta" })).toBeVisible();
  const card = page.getByRole("article").filter({ hasText: BOX_JOB });
  await expect(card.locator('[data-kind="status"]')).toHaveAttribute("data-status", "Paused");
  await expectNoAxeViolations(page);

  await card.getByRole("link", { name: "BoxOutDelta job" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${BOX_JOB.replace(".", "\\.")}$`));
  await expect(page.getByRole("heading", { name: "Schema" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "User → User" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an app without templates says it has no provisioning connector", async ({ page }) => {
  await openSignedIn(page, `/service-principals/${MS_GRAPH}`);
  await expect(page.getByTestId("no-templates")).toContainText("no provisioning connector");
  await expect(page.getByTestId("no-jobs")).toBeVisible();
});

test("an unknown id shows not found; a malformed id never reaches Graph", async ({ page }) => {
  await openSignedIn(page, "/service-principals/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "Service principal not found" })).toBeVisible();
  await expectNoAxeViolations(page);

  const before = (await requestLog()).length;
  const response = await page.goto("/service-principals/not-a-guid..%2F");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const jobResponse = await page.goto(`/service-principals/${BOX}/jobs/..%2Fsecrets`);
  expect(jobResponse?.status()).toBe(404);
  const after = await requestLog();
  expect(after.slice(before).filter((r) => /not-a-guid|secrets/i.test(r.path))).toEqual([]);
});

test("an app named like HTML renders as text and runs no script", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openSignedIn(page, "/service-principals?q=img");
  await expect(page.getByRole("link", { name: "<img src=x onerror=alert(1)>" })).toBeVisible();
  await page.getByRole("link", { name: "<img src=x onerror=alert(1)>" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "<img src=x onerror=alert(1)>" })).toBeVisible();
  expect(dialogs).toEqual([]);
});

test.describe.serial("token renewal", () => {
  test.afterEach(async () => {
    await emulatorControl("POST", "settings", { accessTokenLifetimeSeconds: 3600 });
  });

  test("an expired access token is renewed silently with the refresh token, with no sign-in screen", async ({ page }) => {
    // MSAL renews 300 s before expiry, so a 305 s token counts as expired 5 s after it was issued.
    await emulatorControl("POST", "settings", { accessTokenLifetimeSeconds: 305 });
    const refreshes: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().includes("/oauth2/v2.0/token") && request.postData()?.includes("grant_type=refresh_token")) {
        refreshes.push(request.url());
      }
    });
    await openSignedIn(page, `/service-principals/${BOX}`);
    await expect(page.getByRole("heading", { level: 1, name: "Box" })).toBeVisible();
    const afterSignIn = refreshes.length;
    await page.waitForTimeout(6_000);
    await page.getByRole("link", { name: "← All service principals" }).click();
    await expect(page.getByTestId("sp-count")).toHaveText(/^Showing 100 of/);
    expect(refreshes.length).toBeGreaterThan(afterSignIn);
    await expect(page.getByRole("heading", { name: "Sign in to Provisioning Console" })).toHaveCount(0);
  });
});
