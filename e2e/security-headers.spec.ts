import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { parseContentSecurityPolicy } from "../test/support/csp";
import { E2E_CONSOLE_PORT } from "../playwright.config";
import { EMULATOR_URL } from "./support/emulator";
import { openSignedIn } from "./support/sign-in";

/**
 * The security headers on every route type (lib/security, applied by proxy.ts and next.config.js), and a
 * signed-in console that works under its CSP: sign-in, browsing, a job page and creating a job, with no
 * Content-Security-Policy violation anywhere.
 */

const CONSOLE_URL = `http://127.0.0.1:${E2E_CONSOLE_PORT}`;
const BOX = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01";
const BOX_JOB = "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01";
/** Cross-tenant sync: no other spec counts its jobs, so creating one here disturbs nobody. */
const CROSS_TENANT = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d09";

const PERMISSIONS_POLICY =
  "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), " +
  "idle-detection=(), magnetometer=(), microphone=(), midi=(), payment=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

type Kind = "page" | "bridge";
const ROUTES: { name: string; path: string; status: number; kind: Kind }[] = [
  { name: "overview", path: "/", status: 200, kind: "page" },
  { name: "console list", path: "/service-principals?q=box", status: 200, kind: "page" },
  { name: "service principal", path: `/service-principals/${BOX}`, status: 200, kind: "page" },
  { name: "job", path: `/service-principals/${BOX}/jobs/${encodeURIComponent(BOX_JOB)}`, status: 200, kind: "page" },
  { name: "redirect bridge", path: "/auth/bridge", status: 200, kind: "bridge" },
  { name: "not found", path: "/no-such-page", status: 404, kind: "page" },
  { name: "malformed id (proxy 404)", path: "/service-principals/not-a-guid", status: 404, kind: "page" },
];

/** The nonce in a CSP header's script-src, as Next extracts it. */
function nonceOf(csp: string): string {
  const source = parseContentSecurityPolicy(csp).get("script-src")?.find((s) => s.startsWith("'nonce-"));
  expect(source, `script-src has a nonce: ${csp}`).toBeTruthy();
  return source!.slice("'nonce-".length, -1);
}

/** Every header of a page or bridge response, exactly; returns the nonce. */
function expectSecurityHeaders(headers: Record<string, string>, kind: Kind, what: string): string {
  const csp = headers["content-security-policy"];
  expect(csp, `${what}: Content-Security-Policy`).toBeTruthy();
  const nonce = nonceOf(csp);
  const directives = Object.fromEntries(parseContentSecurityPolicy(csp));
  expect(directives, `${what}: CSP directives`).toEqual({
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"],
    "style-src": ["'self'", `'nonce-${nonce}'`],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    // 'self' is the console (http://127.0.0.1:3100); the emulator serves Graph and the token endpoint.
    "connect-src": ["'self'", EMULATOR_URL],
    "frame-src": ["'self'", EMULATOR_URL],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "media-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": [kind === "bridge" ? "'self'" : "'none'"],
  });
  expect(csp, `${what}: no eval in production`).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["permissions-policy"], what).toBe(PERMISSIONS_POLICY);
  expect(headers["referrer-policy"], what).toBe(kind === "bridge" ? "no-referrer" : "strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], what).toBe(kind === "bridge" ? "SAMEORIGIN" : "DENY");
  expect(headers["cross-origin-opener-policy"], what).toBe(kind === "bridge" ? undefined : "same-origin-allow-popups");
  expect(headers["x-powered-by"], what).toBeUndefined();
  return nonce;
}

/**
 * Every <script> in the HTML carries the response's nonce (so Next rendered it dynamically, with the nonce), but
 * the sign-in config's JSON data block: a data block never runs, so the CSP's script rules do not apply to it.
 */
function expectNoncedScripts(html: string, nonce: string, what: string): void {
  const scripts = (html.match(/<script\b[^>]*>/g) ?? []).filter((tag) => tag !== '<script id="console-auth-config" type="application/json">');
  expect(scripts.length, `${what}: has scripts`).toBeGreaterThan(0);
  const without = scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`));
  expect(without, `${what}: scripts without the response's nonce`).toEqual([]);
  // style-src has no 'unsafe-inline': a server-rendered style attribute would be refused.
  expect(html.match(/<[^>]+\sstyle="[^"]*"/g) ?? [], `${what}: style attributes in server HTML`).toEqual([]);
}

for (const route of ROUTES) {
  test(`${route.name} (${route.path}) sends every security header, and its scripts carry the nonce`, async ({ request }) => {
    const first = await request.get(route.path, { maxRedirects: 0 });
    expect(first.status()).toBe(route.status);
    const nonce = expectSecurityHeaders(first.headers(), route.kind, route.path);
    expectNoncedScripts(await first.text(), nonce, route.path);

    const second = await request.get(route.path, { maxRedirects: 0 });
    expect(nonceOf(second.headers()["content-security-policy"]), "a fresh nonce per response").not.toBe(nonce);
  });
}

test("RSC payloads (client navigations and prefetches) carry the headers too", async ({ request }) => {
  const variants: Record<string, string>[] = [{ RSC: "1" }, { RSC: "1", "Next-Router-Prefetch": "1" }];
  for (const headers of variants) {
    // Next answers a bare RSC request with a 307 to its `?_rsc=` cache-busting URL; both carry the headers.
    const redirect = await request.get("/service-principals", { headers, maxRedirects: 0 });
    expectSecurityHeaders(redirect.headers(), "page", `RSC ${JSON.stringify(headers)} (${redirect.status()})`);
    const response = await request.get("/service-principals", { headers });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/x-component");
    expectSecurityHeaders(response.headers(), "page", `RSC ${JSON.stringify(headers)}`);
  }
});

test("build assets and the icon are nosniff and cannot be framed or run scripts as documents", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  expect(assets.length).toBeGreaterThan(0);
  const checked: APIResponse[] = [];
  for (const asset of [...new Set(assets)].slice(0, 5).concat("/icon.svg")) {
    const response = await request.get(asset);
    expect(response.status(), asset).toBe(200);
    const headers = response.headers();
    expect(headers["x-content-type-options"], asset).toBe("nosniff");
    expect(headers["content-security-policy"], asset).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(headers["referrer-policy"], asset).toBe("strict-origin-when-cross-origin");
    checked.push(response);
  }
  expect(checked.length).toBeGreaterThan(1);
});

/**
 * Collects CSP violations from every console document and frame of the page, and Chromium's console
 * reports of them. Violations in the emulator's own pages (its sign-in screen) are not the console's policy:
 * they are attached to the test as annotations instead.
 */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeBinding("__reportCspViolation", (_source, report: { documentURI: string; text: string }) => {
    if (report.documentURI.startsWith(CONSOLE_URL)) violations.push(report.text);
    else test.info().annotations.push({ type: "csp-violation-elsewhere", description: report.text });
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const text = `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} in ${event.documentURI} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`;
      (window as unknown as { __reportCspViolation(report: { documentURI: string; text: string }): void }).__reportCspViolation({
        documentURI: event.documentURI,
        text,
      });
    });
  });
  page.on("console", (message) => {
    if (message.location().url.startsWith(EMULATOR_URL)) return;
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame|evaluate)/i.test(message.text())) {
      violations.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  return violations;
}

test("a signed-in admin signs in, browses, opens a job and creates one with no CSP violation", async ({ page }) => {
  const violations = await watchCsp(page);
  const documents: Response[] = [];
  const actions: Response[] = [];
  page.on("response", (response) => {
    if (!response.url().startsWith(CONSOLE_URL)) return;
    if (response.request().resourceType() === "document") documents.push(response);
    if (response.request().method() === "POST" && response.request().headers()["next-action"]) actions.push(response);
  });

  await openSignedIn(page, "/service-principals");
  await page.getByLabel("Search by display name").fill("zoom");
  await expect(page.getByRole("row", { name: /Zoom/ }).first()).toBeVisible();

  await page.goto(`/service-principals/${BOX}/jobs/${encodeURIComponent(BOX_JOB)}`);
  await expect(page.getByRole("heading", { name: "Schema" })).toBeVisible();

  await page.goto(`/service-principals/${CROSS_TENANT}`);
  const form = page.getByTestId("create-job");
  await expect(form).toBeVisible();
  const duplicate = form.getByTestId("confirm-duplicate");
  if (await duplicate.isVisible()) await duplicate.check();
  await form.getByTestId("create-job-submit").click();
  await expect(page.getByTestId("created-job")).toBeVisible();

  // The Tailwind stylesheet applied (body is min-h-screen).
  expect(await page.evaluate(() => getComputedStyle(document.body).minHeight === `${window.innerHeight}px`)).toBe(true);

  expect(violations, "Content-Security-Policy violations").toEqual([]);
  expect(documents.length).toBeGreaterThanOrEqual(4);
  for (const document of documents) {
    expectSecurityHeaders(await document.allHeaders(), new URL(document.url()).pathname === "/auth/bridge" ? "bridge" : "page", document.url());
  }
  expect(actions.length, "the create-job server action ran").toBeGreaterThan(0);
  for (const action of actions) expectSecurityHeaders(await action.allHeaders(), "page", `server action POST ${action.url()}`);
});

test("the Overview (signed out) and the bridge run their scripts under the CSP", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto("/");
  // Next's bootstrap script and its inline flight-data scripts ran. (Not page.waitForFunction: Playwright
  // runs its predicate with eval in the page, which this CSP refuses.)
  await expect
    .poll(() =>
      page.evaluate(() => {
        // Next's inline flight-data script defines __next_f (hydration drains it, so only its existence counts).
        const w = window as unknown as { __next_f?: unknown[] };
        return Array.isArray(w.__next_f);
      }),
    )
    .toBe(true);
  await expect(page.getByRole("heading", { name: "Sign in to Provisioning Console" })).toBeVisible();
  // The bridge without a sign-in response: its script runs and says so (no CSP block, no blank page).
  await page.goto("/auth/bridge");
  await expect(page.getByRole("alert").filter({ hasText: "Error code" })).toBeVisible();
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect(violations, "Content-Security-Policy violations").toEqual([]);
});

test("a console page cannot be framed, not even by the console; the console can frame its bridge", async ({ page }) => {
  await page.goto("/");
  const loaded = await page.evaluate(async () => {
    const load = (src: string) =>
      new Promise<string>((resolve) => {
        const frame = document.createElement("iframe");
        frame.src = src;
        frame.onload = () => {
          try {
            resolve(frame.contentDocument?.location.pathname ?? "blocked");
          } catch {
            resolve("cross-origin");
          }
        };
        document.body.append(frame);
        setTimeout(() => resolve("timeout"), 5_000);
      });
    return { bridge: await load("/auth/bridge"), page: await load("/service-principals") };
  });
  // The bridge loads in a same-origin frame (silent renewal); a console page is refused even there.
  expect(loaded.bridge).toBe("/auth/bridge");
  expect(loaded.page).not.toBe("/service-principals");
});
