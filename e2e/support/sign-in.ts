import { expect, type Page } from "@playwright/test";
import { EMULATOR_URL } from "./emulator";

export const PERSONA_NAMES = { admin: "Adele Vance", reader: "Megan Bowen", nosync: "Alex Wilber", auditor: "Lidia Holloway" } as const;
export type Persona = keyof typeof PERSONA_NAMES;

/**
 * From the console's sign-in screen, through the emulator's account picker (real MSAL redirect flow).
 * `emulatorUrl`: the identity provider the console was configured with (a spec with its own emulator passes its own).
 */
export async function signInFromScreen(page: Page, persona: Persona, emulatorUrl = EMULATOR_URL): Promise<void> {
  await expect(page.getByRole("heading", { name: "Sign in to Provisioning Console" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.href.startsWith(emulatorUrl));
  await expect(page.getByRole("heading", { name: "Pick an account" })).toBeVisible();
  await page.locator(`button[data-persona="${persona}"]`).click();
  await page.waitForURL((url) => !url.href.startsWith(emulatorUrl) && !url.pathname.startsWith("/auth/bridge"));
}

/** Opens `path` cold and signs in as `persona`; resolves once the console shows the signed-in header. */
export async function openSignedIn(page: Page, path: string, persona: Persona = "admin", emulatorUrl = EMULATOR_URL): Promise<void> {
  await page.goto(path);
  await signInFromScreen(page, persona, emulatorUrl);
  await expect(page.getByRole("button", { name: new RegExp(PERSONA_NAMES[persona]) })).toBeVisible();
}
