import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../lib/chromium";

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
}

/**
 * Lighthouse (mobile, default throttling) on a console page as a signed-in admin: sign in with MSAL in a
 * tab, then let Lighthouse navigate that same tab without resetting storage (MSAL's cache is in sessionStorage).
 */
export async function lighthouseSignedIn(url: string, emulatorUrl: string): Promise<LighthouseScores> {
  const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: "networkidle0" });
    await Promise.all([page.waitForNavigation(), page.locator("button ::-p-text(Sign in)").click()]);
    await Promise.all([page.waitForNavigation(), page.locator('button[data-persona="admin"]').click()]);
    // Polled from Node: the console's CSP refuses the eval a page-side wait would need.
    while (page.url().startsWith(emulatorUrl) || new URL(page.url()).pathname.startsWith("/auth/bridge")) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await page.waitForSelector('[data-testid="job-status-card"]');
    const result = await lighthouse(
      url,
      { disableStorageReset: true, onlyCategories: ["performance", "accessibility", "best-practices"], logLevel: "error" },
      undefined,
      page,
    );
    const categories = result?.lhr.categories;
    if (!categories) throw new Error("Lighthouse returned no result.");
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    return { performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices") };
  } finally {
    await browser.close();
  }
}
