import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Request } from "@playwright/test";
import { scanClientBundle } from "../lib/security/scan-files";
import { describeFindings, scanText } from "../lib/security/secret-scan";
import { E2E_CONSOLE_LOG_FILE } from "../playwright.config";
import { EMULATOR_URL } from "./support/emulator";
import { requestLog } from "./support/graph";
import { openSignedIn } from "./support/sign-in";

/**
 * Tokens never leave the places they belong (MSAL's session cache, the Authorization header, the server
 * action's argument): a real sign-in, browsing, and a job created through the server action; then the
 * server's output, every URL the browser requested, the emulator's request log, the browser's persistent
 * storage and the built client bundle are searched for the tokens this session actually used.
 */

const BOX = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01";
const BOX_JOB = "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01";
/** Cross-tenant sync: no other spec counts its jobs, so creating one here disturbs nobody. */
const CROSS_TENANT = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d09";
const TOKEN_IN_URL = /[?&#](access_token|id_token|refresh_token)=/i;

test("no token reaches the server's logs, any URL, persistent storage or the client bundle", async ({ page, context }) => {
  const tokens = new Set<string>();
  const urls: string[] = [];
  const actionPosts: Request[] = [];
  const graphAuthorized: string[] = [];

  context.on("request", (request) => {
    urls.push(request.url());
    const url = request.url();
    if (url.startsWith(`${EMULATOR_URL}/beta/`) || url.startsWith(`${EMULATOR_URL}/v1.0/`)) {
      const authorization = request.headers()["authorization"];
      if (authorization?.startsWith("Bearer ")) {
        tokens.add(authorization.slice("Bearer ".length));
        graphAuthorized.push(url);
      }
    }
    if (request.method() === "POST" && request.headers()["next-action"]) actionPosts.push(request);
  });
  // Every token the identity provider handed out in this session: access, id and refresh tokens.
  context.on("response", async (response) => {
    if (!/\/oauth2\/v2\.0\/token$/.test(new URL(response.url()).pathname) || response.request().method() !== "POST") return;
    try {
      const body = (await response.json()) as Record<string, unknown>;
      for (const key of ["access_token", "id_token", "refresh_token"]) if (typeof body[key] === "string") tokens.add(body[key] as string);
    } catch {
      // a preflight or an error without JSON
    }
  });

  await openSignedIn(page, "/service-principals");
  await page.getByLabel("Search by display name").fill("box");
  await expect(page.getByRole("row", { name: /Box/ }).first()).toBeVisible();
  await page.goto(`/service-principals/${BOX}/jobs/${encodeURIComponent(BOX_JOB)}`);
  await expect(page.getByRole("heading", { name: "Schema" })).toBeVisible();

  // A server action runs with the token as its argument.
  const postsBefore = (await requestLog()).filter((r) => r.method === "POST").length;
  await page.goto(`/service-principals/${CROSS_TENANT}`);
  const form = page.getByTestId("create-job");
  const duplicate = form.getByTestId("confirm-duplicate");
  await expect(form).toBeVisible();
  if (await duplicate.isVisible()) await duplicate.check();
  await form.getByTestId("create-job-submit").click();
  await expect(page.getByTestId("created-job")).toBeVisible();

  expect(graphAuthorized.length, "the browser called Graph with a bearer token").toBeGreaterThan(0);
  expect(actionPosts.length, "the create-job server action ran").toBeGreaterThan(0);
  expect(actionPosts.some((post) => [...tokens].some((token) => post.postData()?.includes(token))), "the action received the token in its body").toBe(
    true,
  );
  const log = await requestLog();
  expect(log.filter((r) => r.method === "POST").length, "the action's POST reached Graph").toBeGreaterThan(postsBefore);
  const secrets = [...tokens];
  // JWTs (access, id) and the emulator's opaque 64-character refresh tokens: long enough to search for.
  expect(secrets.every((token) => token.length >= 32)).toBe(true);

  // (b) URLs: everything the browser requested (pages, chunks, Graph, the identity provider, server actions) ...
  const urlFindings = urls.flatMap((url) => scanText(`browser request ${url.slice(0, 80)}`, url, { secretValues: secrets }));
  expect(urlFindings, describeFindings(urlFindings)).toEqual([]);
  expect(urls.filter((url) => TOKEN_IN_URL.test(url))).toEqual([]);
  // ... and every Graph request the emulator saw (its log keeps path and query).
  const logText = JSON.stringify(log);
  expect(scanText("emulator request log", logText, { secretValues: secrets })).toEqual([]);
  // JWT-shaped (header.payload.): the skiptoken is base64url JSON too, so "eyJ" alone proves nothing.
  expect(logText).not.toMatch(/access_token=|eyJ[A-Za-z0-9_-]+\.eyJ/);
  expect(log.filter((r) => TOKEN_IN_URL.test(r.path))).toEqual([]);

  // Persistent browser storage: MSAL keeps tokens in sessionStorage (tab-scoped) only.
  const stored = await page.evaluate(() => ({ local: JSON.stringify({ ...localStorage }), html: document.documentElement.outerHTML }));
  const cookies = JSON.stringify(await context.cookies());
  const storageFindings = [
    ...scanText("localStorage", stored.local, { secretValues: secrets }),
    ...scanText("cookies", cookies, { secretValues: secrets }),
    ...scanText("page HTML", stored.html, { secretValues: secrets }),
  ];
  expect(storageFindings, describeFindings(storageFindings)).toEqual([]);

  // (a) The server's output: scripts/start.ts tees the console's and the emulator's stdout and stderr.
  await page.waitForTimeout(500);
  expect(existsSync(E2E_CONSOLE_LOG_FILE), `${E2E_CONSOLE_LOG_FILE} (CONSOLE_LOG_FILE, set in playwright.config.ts)`).toBe(true);
  const serverOutput = readFileSync(E2E_CONSOLE_LOG_FILE, "utf8");
  expect(serverOutput, "the log captured the server's output").toContain("Provisioning Console: http://127.0.0.1:");
  const logFindings = scanText("console log", serverOutput, { secretValues: secrets });
  expect(logFindings, describeFindings(logFindings)).toEqual([]);
  expect(serverOutput).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);

  // (c) The built client bundle: no JWT, private key, server env read, or this session's tokens.
  const staticDir = path.join(__dirname, "..", ".next", "static");
  expect(existsSync(staticDir), "the e2e run builds the console first").toBe(true);
  const bundle = scanClientBundle(staticDir, { secretValues: secrets });
  expect(bundle.files).toBeGreaterThan(5);
  expect(bundle.findings, describeFindings(bundle.findings)).toEqual([]);
});
