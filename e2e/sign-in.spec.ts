import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { EMULATOR_URL } from "./support/emulator";
import { PERSONA_NAMES, signInFromScreen, type Persona } from "./support/sign-in";

const BOX_SP = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01";
const UPNS: Record<Persona, string> = {
  admin: "adele.vance@contoso.example",
  reader: "megan.bowen@contoso.example",
  nosync: "alex.wilber@contoso.example",
  auditor: "lidia.holloway@contoso.example",
};

test("signed-out visitors of a console route see an accessible sign-in screen, and so does the account picker", async ({ page }) => {
  await page.goto("/service-principals");
  await expect(page.getByRole("heading", { name: "Sign in to Provisioning Console" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.href.startsWith(EMULATOR_URL));
  await expect(page.getByRole("heading", { name: "Pick an account" })).toBeVisible();
  await expectNoAxeViolations(page);
});

for (const persona of Object.keys(PERSONA_NAMES) as Persona[]) {
  test(`${persona} signs in through MSAL and the header shows name, UPN and tenant`, async ({ page }) => {
    await page.goto("/service-principals");
    await signInFromScreen(page, persona);
    await expect(page).toHaveURL(/\/service-principals$/);
    const menu = page.getByRole("button", { name: new RegExp(PERSONA_NAMES[persona]) });
    await menu.click();
    await expect(page.getByTestId("account-upn")).toHaveText(UPNS[persona]);
    await expect(page.getByTestId("account-tenant")).toHaveText("7e3f1c2a-5b8d-4e6f-9a1b-2c3d4e5f6a7b");
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("account-upn")).toBeHidden();
    await expect(menu).toBeFocused();
  });
}

test("a cold deep link returns to the same address after sign-in", async ({ page }) => {
  const deepLink = `/service-principals/${BOX_SP}`;
  await page.goto(deepLink);
  await signInFromScreen(page, "admin");
  await expect(page).toHaveURL(new RegExp(`${deepLink}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Box" })).toBeVisible();
});

test("sign-out clears the session and the next visit asks to sign in again", async ({ page }) => {
  await page.goto("/service-principals");
  await signInFromScreen(page, "reader");
  await page.getByRole("button", { name: /Megan Bowen/ }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => !url.href.startsWith(EMULATOR_URL) && !url.pathname.startsWith("/auth/bridge"));
  await expect(page).toHaveURL(/\/$/);

  await page.goto("/service-principals");
  await expect(page.getByRole("heading", { name: "Sign in to Provisioning Console" })).toBeVisible();
  // The identity provider's session is gone too: its account picker no longer marks anyone as signed in.
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Pick an account" })).toBeVisible();
  await expect(page.getByText("Signed in", { exact: true })).toHaveCount(0);
});
