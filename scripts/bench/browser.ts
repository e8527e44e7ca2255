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
}
