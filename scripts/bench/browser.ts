import { chromium, type Browser, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../lib/chromium";


export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Real MSAL sign-in through the emulator's account picker; MSAL's cache then lives in this tab's sessionStorage. */
export async function signIn(page: Page, url: string, emulatorUrl: string, persona = "admin"): Promise<void> {
  await page.goto(url);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.href.startsWith(emulatorUrl));
  await page.locator(`button[data-persona="${persona}"]`).click();
  await page.waitForURL((u) => !u.href.startsWith(emulatorUrl) && !u.pathname.startsWith("/auth/bridge"));
  // Back on the console, MSAL still handles the response and may navigate once more (to the start page):
  // signed in means the account menu is there. Navigating before that races MSAL's own navigation.
  await page.getByRole("button", { name: /account menu/ }).waitFor({ timeout: 60_000 });
}
