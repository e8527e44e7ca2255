import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";

test("the landing page explains the console and links to the service principals", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Provisioning Console" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Service principals" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Browse service principals" }).click();
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
