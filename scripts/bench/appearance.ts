import type { Page } from "@playwright/test";

declare global {
  interface Window {
    __benchAppearedAt?: number;
  }
}

/** When a page's element appeared, by the page's own clock (epoch ms), and when its navigation started. */
export interface Appearance {
  navigationStart: number;
  appearedAt: number;
  /** appearedAt − navigationStart */
  ms: number;
}

/**
 * Navigates to `url` and times `selector`'s first match from the navigation's start, as the page saw it.
 *
 * Not `Date.now()` around Playwright's `waitFor`: it polls at 0, 20, 50, 100 and 100 ms, then every 500 ms
 * (playwright-core's retryWithProgressAndBackoff), so anything that takes longer than ~0.3 s is seen up to half a
 * second late. Here an init script, run before the page's own scripts, records `performance.now()` in the
 * MutationObserver callback of the first DOM change after which the selector matches (the commit that showed it).
 */
export async function timeToAppear(page: Page, url: string, selector: string, timeout = 60_000): Promise<Appearance> {
  // A string, not a function: tsx compiles functions with esbuild's keepNames, and the `__name(…)` calls it adds
  // do not exist in the page.
  const watcher = await page.addInitScript({
    content: `{
      const observer = new MutationObserver(() => {
        if (window.__benchAppearedAt === undefined && document.querySelector(${JSON.stringify(selector)})) {
          window.__benchAppearedAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    }`,
  });
  try {
    await page.goto(url);
    await page.locator(selector).first().waitFor({ state: "attached", timeout });
    const seen = await page.evaluate(() => ({ timeOrigin: performance.timeOrigin, appearedAt: window.__benchAppearedAt }));
    if (seen.appearedAt === undefined) throw new Error(`${selector} matched before the page's observer ran (${url}).`);
    return { navigationStart: seen.timeOrigin, appearedAt: seen.timeOrigin + seen.appearedAt, ms: seen.appearedAt };
  } finally {
    await watcher.dispose();
  }
}
