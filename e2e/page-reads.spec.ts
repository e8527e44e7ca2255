import { expect, test, type Page, type Request } from "@playwright/test";
import { EMULATOR_URL } from "./support/emulator";
import { openSignedIn } from "./support/sign-in";

/**
 * A page opened by its address starts its first Graph read before React has hydrated (instrumentation-client.ts,
 * lib/prefetch), and the page's own query then finds that read in flight: one request, not two.
 */
const SLACK = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d03";
const SLACK_JOB = "Slack.2b1f0c9d8e7a4b6c9d0e1f2a3b4c5d03";

/** The `$batch` requests the browser sends to Graph whose body mentions `text`. */
function batchesMentioning(page: Page, text: string): Request[] {
  const sent: Request[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url() === `${EMULATOR_URL}/beta/$batch` && request.postData()?.includes(text)) sent.push(request);
  });
  return sent;
}

test("the SP page's $batch leaves while the page's own code is still held back, and only once", async ({ page }) => {
  await openSignedIn(page, "/service-principals");
  const overviews = batchesMentioning(page, `/servicePrincipals/${SLACK}/synchronization/templates`);
  // Hold back the chunk with the page's component (ServicePrincipalView, recognised by one of its texts) until
  // the $batch has been sent: if only the page could start the read, it would never be sent while held.
  let held = false;
  let sentWhileHeld = false;
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes("load this service principal")) {
      held = true;
      await expect.poll(() => overviews.length, { timeout: 10_000 }).toBe(1).then(() => (sentWhileHeld = true), () => undefined);
    }
    await route.fulfill({ response, body });
  });
  await page.goto(`/service-principals/${SLACK}`);
  await expect(page.getByTestId("job-status-card").filter({ hasText: SLACK_JOB })).toBeVisible();
  expect(held).toBe(true);
  expect(sentWhileHeld).toBe(true);
  expect(overviews).toHaveLength(1);
});

test("the job page and its configure page read the job's $batch once each, under the page's own query", async ({ page }) => {
  await openSignedIn(page, "/service-principals");
  const overviews = batchesMentioning(page, `/servicePrincipals/${SLACK}/synchronization/jobs/${SLACK_JOB}/schema`);
  await page.goto(`/service-principals/${SLACK}/jobs/${SLACK_JOB}`);
  await expect(page.getByTestId("job-status-card")).toBeVisible();
  expect(overviews).toHaveLength(1);
  await page.goto(`/service-principals/${SLACK}/jobs/${SLACK_JOB}/configure`);
  await expect(page.getByTestId("configure-form")).toBeVisible();
  expect(overviews).toHaveLength(2);
});

test("a malformed id in the address is read by no one: the page says not found and Graph hears nothing", async ({ page }) => {
  await openSignedIn(page, "/service-principals");
  const graphRequests: string[] = [];
  let onNotFoundPage = false; // the list page's own reads do not count
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) onNotFoundPage = frame.url().endsWith("/not-a-guid");
  });
  page.on("request", (request) => {
    if (onNotFoundPage && request.url().startsWith(`${EMULATOR_URL}/beta/`)) graphRequests.push(request.url());
  });
  await page.goto("/service-principals/not-a-guid");
  await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
  expect(graphRequests).toEqual([]);
});
