import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { CORPUS_JOB_ID, HOSTILE_OPAQUE, HOSTILE_SP_IDS, HOSTILE_STRINGS, type HostileCase } from "../test/fixtures/bad-input-corpus";
import { idProblem, jobId, servicePrincipalId } from "../lib/validation/ids";
import { requestLog, type LoggedRequest } from "./support/graph";
import { openSignedIn } from "./support/sign-in";

/**
 * Issue 8, bad-input corpus against the console's dynamic routes: `/service-principals/[id]`,
 * `/service-principals/[id]/jobs/[jobId]` and `/service-principals?q=`. No 5xx ever, 404 for every malformed
 * id, hostile text never reflected as markup, and no Graph request carrying an unvalidated id (emulator
 * request log). The server actions get the same corpus in lib/actions/bad-input-corpus.test.ts.
 */

const BOX = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01";
const XSS_SP = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d66";
const XSS_JOB = "scim.c0ffee00c0ffee00c0ffee00c0ffee66";
const XSS_NAME = "<img src=x onerror=alert(1)>";
/** Beyond this, a URL nears Node's 16 KB header limit (431, or the connection closes): only "no 5xx" is asserted. */
const LONG_URL = 8_000;
const CONCURRENCY = 8;

/** Percent-encodes every byte but unreserved letters and digits (dots too, and lone surrogates as U+FFFD). */
function encodeSegment(value: string): string {
  let out = "";
  for (const byte of Buffer.from(value, "utf8")) {
    out += /[A-Za-z0-9_~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

interface Outcome {
  url: string;
  status: number | "closed";
  body: string;
}

async function get(request: APIRequestContext, url: string): Promise<Outcome> {
  try {
    const response = await request.get(url, { maxRedirects: 0, failOnStatusCode: false, timeout: 30_000 });
    return { url, status: response.status(), body: (await response.text()).slice(0, 200_000) };
  } catch (error) {
    // A URL the server will not read (over Node's header limit) may end with a closed connection.
    if (url.length > LONG_URL) return { url, status: "closed", body: "" };
    throw error;
  }
}

async function getAll(request: APIRequestContext, urls: string[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < urls.length) outcomes.push(await get(request, urls[next++]));
    }),
  );
  return outcomes;
}

/**
 * Whether the server gets the hostile id as sent: the URL parser resolves dot segments first (`%2E%2E` counts
 * as `..`), so `/jobs/%2E%2E` arrives as the SP page (redirected, 308) and is no longer a malformed id.
 */
const reachesIdRoute = (url: string) =>
  url.length <= LONG_URL && !url.includes("//") && !url.endsWith("/") && new URL(url, "http://console.invalid").pathname === url;
/** Markup that must never come back unescaped (`<!--` is in every React page, so tags only). */
const MARKUP = /<(img|script|svg|iframe|b)\b/i;

function problems(outcomes: Outcome[], hostile: readonly HostileCase<string>[], expect404: boolean): string[] {
  const found: string[] = [];
  for (const { url, status, body } of outcomes) {
    const label = url.length > 120 ? `${url.slice(0, 117)}… (${url.length} chars)` : url;
    if (typeof status === "number" && status >= 500) found.push(`${label}: ${status}`);
    if (expect404 && reachesIdRoute(url) && status !== 404) found.push(`${label}: ${status}, expected 404`);
    for (const { value } of hostile) {
      if (MARKUP.test(value) && value.length < 200 && body.includes(value)) found.push(`${label}: reflects ${JSON.stringify(value)} as markup`);
    }
  }
  return found;
}

/** Log entries whose service principal or job id segment is not a valid id (what the console must never send). */
function unvalidated(entries: LoggedRequest[]): string[] {
  const bad: string[] = [];
  for (const { method, path } of entries) {
    const match = /^\/(?:beta|v1\.0)\/servicePrincipals\/([^/?]+)(?:\/synchronization\/jobs\/([^/?]+))?/.exec(path);
    if (!match) continue;
    const decode = (segment: string) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return null;
      }
    };
    const sp = decode(match[1]);
    if (match[1] !== "$count" && (sp === null || idProblem(servicePrincipalId, sp))) bad.push(`${method} ${path.slice(0, 160)}`);
    if (match[2] !== undefined) {
      const job = decode(match[2]);
      if (job === null || idProblem(jobId, job)) bad.push(`${method} ${path.slice(0, 160)}`);
    }
  }
  return bad;
}

async function newLogEntries(seen: Set<string>): Promise<LoggedRequest[]> {
  return (await requestLog()).filter((entry) => !seen.has((entry as LoggedRequest & { requestId: string }).requestId));
}

async function seenRequestIds(): Promise<Set<string>> {
  return new Set((await requestLog()).map((entry) => (entry as LoggedRequest & { requestId: string }).requestId));
}

test.describe("the corpus against the console's routes (HTTP, no browser)", () => {
  test.setTimeout(180_000);

  test("/service-principals/[id]: 404 for every malformed id, encoded or raw, and never a 5xx", async ({ request }) => {
    const seen = await seenRequestIds();
    const encoded = await getAll(request, HOSTILE_SP_IDS.map(({ value }) => `/service-principals/${encodeSegment(value)}`));
    const encodedWithJob = await getAll(request, HOSTILE_SP_IDS.map(({ value }) => `/service-principals/${encodeSegment(value)}/jobs/${CORPUS_JOB_ID}`));
    // Raw: as typed in an address bar (the URL parser escapes what it must and resolves dot segments).
    const rawUrls = HOSTILE_SP_IDS.filter(({ value }) => value.length < LONG_URL).map(({ value }) => `/service-principals/${value}`);
    const rawOutcomes = await getAll(request, rawUrls);

    expect(problems(encoded, HOSTILE_SP_IDS, true)).toEqual([]);
    expect(problems(encodedWithJob, HOSTILE_SP_IDS, true)).toEqual([]);
    expect(problems(rawOutcomes, HOSTILE_SP_IDS, false)).toEqual([]);
    // Nearly every encoded case stayed on the id route and was checked for its 404.
    expect(encoded.filter(({ url }) => reachesIdRoute(url)).length).toBeGreaterThanOrEqual(HOSTILE_SP_IDS.length - 30);
    expect(unvalidated(await newLogEntries(seen))).toEqual([]);
  });

  test("/service-principals/[id]/jobs/[jobId]: 404 for every malformed job id, encoded or raw, and never a 5xx", async ({ request }) => {
    const seen = await seenRequestIds();
    const encoded = await getAll(request, HOSTILE_OPAQUE.map(({ value }) => `/service-principals/${BOX}/jobs/${encodeSegment(value)}`));
    const rawUrls = HOSTILE_OPAQUE.filter(({ value }) => value.length < LONG_URL).map(({ value }) => `/service-principals/${BOX}/jobs/${value}`);
    const rawOutcomes = await getAll(request, rawUrls);

    expect(problems(encoded, HOSTILE_OPAQUE, true)).toEqual([]);
    expect(problems(rawOutcomes, HOSTILE_OPAQUE, false)).toEqual([]);
    expect(encoded.filter(({ url }) => reachesIdRoute(url)).length).toBeGreaterThanOrEqual(HOSTILE_OPAQUE.length - 30);
    expect(unvalidated(await newLogEntries(seen))).toEqual([]);
  });

  test("/service-principals?q=: every hostile search answers without a 5xx and reflects no markup", async ({ request }) => {
    const encoded = await getAll(request, HOSTILE_STRINGS.map(({ value }) => `/service-principals?q=${encodeSegment(value)}`));
    const rawOutcomes = await getAll(
      request,
      HOSTILE_STRINGS.filter(({ value }) => value.length < LONG_URL).map(({ value }) => `/service-principals?q=${value}`),
    );
    expect(problems(encoded, HOSTILE_STRINGS, false)).toEqual([]);
    expect(problems(rawOutcomes, HOSTILE_STRINGS, false)).toEqual([]);
    for (const { url, status } of encoded) if (url.length <= LONG_URL) expect(status, url.slice(0, 120)).toBe(200);
  });
});

test.describe("the corpus in a signed-in browser", () => {
  test.setTimeout(180_000);

  function watchDialogs(page: Page): string[] {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return dialogs;
  }

  /** Every third case, in a browser that would call Graph if the page let a bad id through. */
  const sample = <T>(list: readonly T[]) => list.filter((_, index) => index % 3 === 0);

  test("malformed ids in the address bar: 404 pages, no dialog, no Graph request with an unvalidated id", async ({ page }) => {
    const dialogs = watchDialogs(page);
    await openSignedIn(page, "/service-principals");
    const seen = await seenRequestIds();
    const urls = [
      ...sample(HOSTILE_SP_IDS).map(({ value }) => `/service-principals/${encodeSegment(value)}`),
      ...sample(HOSTILE_OPAQUE).map(({ value }) => `/service-principals/${BOX}/jobs/${encodeSegment(value)}`),
    ].filter(reachesIdRoute);
    const wrong: string[] = [];
    for (const url of urls) {
      const response = await page.goto(url, { waitUntil: "load" });
      if (response?.status() !== 404) wrong.push(`${url.slice(0, 120)}: ${response?.status()}`);
    }
    expect(wrong).toEqual([]);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect(dialogs).toEqual([]);
    expect(unvalidated(await newLogEntries(seen))).toEqual([]);
  });

  test("the HTML-named app's job page shows its name as text and runs no script", async ({ page }) => {
    const dialogs = watchDialogs(page);
    await openSignedIn(page, `/service-principals/${XSS_SP}/jobs/${XSS_JOB}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Provisioning job of ${XSS_NAME}`);
    await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: XSS_NAME })).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });

  test("hostile searches are echoed as text: from the URL and typed into the search box", async ({ page }) => {
    const dialogs = watchDialogs(page);
    const seen = await seenRequestIds();
    await openSignedIn(page, `/service-principals?q=${encodeURIComponent(XSS_NAME)}`);
    const search = page.getByLabel("Search by display name");
    await expect(search).toHaveValue(XSS_NAME);
    await expect(page.getByTestId("sp-count")).toContainText(`“${XSS_NAME}”`);

    for (const term of ['"><script>alert(1)</script>', "'><svg onload=alert(1)>", "{{7*7}}", "' OR '1'='1", "\u202Eevil"]) {
      await search.fill(term);
      await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(term);
      await expect(page.getByTestId("sp-count")).toContainText(`“${term}”`);
    }
    await expect(page.locator('img[src="x"], svg[onload]')).toHaveCount(0);
    expect(dialogs).toEqual([]);
    // The searches reached Graph as search terms only, and Graph had no reason to fail on them.
    const entries = await newLogEntries(seen);
    expect(entries.filter((entry) => entry.status >= 500 && !("fault" in entry))).toEqual([]);
    expect(unvalidated(entries)).toEqual([]);
  });
});
