import { expect, test, type Page } from "@playwright/test";
import { graphWrite, requestLog } from "./support/graph";
import { openSignedIn } from "./support/sign-in";

/** Live status polls while the page is visible (fast during a cycle) and not at all while the tab is hidden. */
const SP = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d07"; // GitHub EMU: no other spec reads its poll traffic
const jobsPath = `/servicePrincipals/${SP}/synchronization/jobs`;


async function polls(since: number): Promise<number> {
  return (await requestLog()).filter((r) => r.method === "GET" && r.path === `/beta${jobsPath}` && Date.parse(r.time) >= since).length;
}

/** What the browser reports when the admin switches to another tab or minimises the window. */
async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((isHidden) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (isHidden ? "hidden" : "visible") });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => isHidden });
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
  }, hidden);
}

test("job status polls fast during a cycle, stops while the tab is hidden, and resumes when it is visible", async ({ page }) => {
  test.setTimeout(120_000);
  await openSignedIn(page, `/service-principals/${SP}`);
  const created = (await (await graphWrite("POST", jobsPath, { templateId: "gitHubEnterpriseManagedUser" })).json()) as { id: string };
  try {
    expect((await graphWrite("POST", `${jobsPath}/${created.id}/start`)).status).toBe(204);
    await page.reload();
    const card = page.locator(`[data-testid="job-status-card"][data-job-id="${created.id}"]`);
    await expect(card.locator('[data-kind="status"]')).toHaveAttribute("data-status", "NotRun");

    // Visible, initial cycle running: a poll every few seconds, each one request for all the SP's jobs.
    let since = Date.now();
    await page.waitForTimeout(8_000);
    expect(await polls(since)).toBeGreaterThanOrEqual(2);

    await setHidden(page, true);
    await page.waitForTimeout(1_000); // a request already on the wire may still land
    since = Date.now();
    await page.waitForTimeout(30_000);
    expect(await polls(since), "Graph requests while the tab was hidden").toBe(0);

    since = Date.now();
    await setHidden(page, false);
    await expect.poll(() => polls(since), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  } finally {
    await graphWrite("DELETE", `${jobsPath}/${created.id}`);
  }
});
