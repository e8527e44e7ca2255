import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signInFromScreen } from "./support/sign-in";

test("the Overview at / asks to sign in first, then shows the tenant with the shell", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign in to Provisioning Console" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await expectNoAxeViolations(page);
  await signInFromScreen(page, "admin");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("overview")).toBeVisible();

  await nav.getByRole("link", { name: "Service principals" }).click();
  await expect(page).toHaveURL(/\/service-principals$/);
  await expect(nav.getByRole("link", { name: "Service principals" })).toHaveAttribute("aria-current", "page");
});

test("an unknown address shows the not-found page with the shell", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expectNoAxeViolations(page);
});
