import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, expect, test, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../scripts/lib/chromium";
import { EMULATOR_URL, emulatorControl } from "./support/emulator";
import { requestLog } from "./support/graph";

/**
 * Issue 21, point 1: a web page the developer visits cannot drive the local emulator. A page served from another
 * loopback port (another origin, same machine) tries each attack from real Chromium JS: mint an admin token
 * (text/plain without a preflight, application/json with one, no-cors), read Graph, reset the tenant, install a
 * fault, and a classic cross-site form post. Each must fail in the page, and the emulator's control API (read from
 * Node, which sends no Origin) must show that nothing happened. A second test plays DNS rebinding: Chromium resolves
 * evil.example to 127.0.0.1, so a page on evil.example:<emulator port> is same-origin with the emulator and could read
 * its answers, which must all be the Host check's 403.
 *
 * It changes no shared state when the emulator refuses, as it must: every attack is a refusal to prove. (If one got
 * through, the scale would change and a fault that never matches, PROPFIND on a path no client asks for, would appear.)
 */

const MARKER = "hostile-origin-spec";
const MARKER_FAULT = { method: "PROPFIND", path: `/${MARKER}`, status: 500, count: 1 };
const NO_CORS_GET = `${MARKER}-no-cors-get`;

interface Health {
  scale: number;
  servicePrincipals: number;
}

/** The attacker's page: runs every attack on load and reports each outcome in #results. */
function hostilePage(emulator: string, scale: number): string {
  const script = `
const E = ${JSON.stringify(emulator)};
const MARKER_FAULT = ${JSON.stringify(MARKER_FAULT)};
async function attempt(run) {
  try {
    const response = await run();
    if (response.type === "opaque") return "opaque";
    return "read " + response.status + " " + (await response.text()).slice(0, 300);
  } catch (error) {
    return "blocked";
  }
}
const post = (path, body, type, mode) => fetch(E + path, { method: "POST", body, headers: { "content-type": type }, ...(mode ? { mode } : {}) });
(async () => {
  const results = {};
  results.tokenTextPlain = await attempt(() => post("/_emulator/token", '{"persona":"admin"}', "text/plain"));
  results.tokenJson = await attempt(() => post("/_emulator/token", '{"persona":"admin"}', "application/json"));
  results.tokenNoCors = await attempt(() => post("/_emulator/token", '{"persona":"admin"}', "text/plain", "no-cors"));
  results.graphGet = await attempt(() => fetch(E + "/beta/servicePrincipals/${MARKER}"));
  // Not a servicePrincipals path: bad-input.spec checks every logged service principal id, and this one is logged.
  results.graphGetNoCors = await attempt(() => fetch(E + "/beta/users/${NO_CORS_GET}", { mode: "no-cors" }));
  results.resetTextPlain = await attempt(() => post("/_emulator/reset", JSON.stringify({ scale: ${scale + 1} }), "text/plain"));
  results.resetNoCors = await attempt(() => post("/_emulator/reset", JSON.stringify({ scale: ${scale + 1} }), "text/plain", "no-cors"));
  results.faultsTextPlain = await attempt(() => post("/_emulator/faults", JSON.stringify(MARKER_FAULT), "text/plain"));
  results.faultsNoCors = await attempt(() => post("/_emulator/faults", JSON.stringify(MARKER_FAULT), "text/plain", "no-cors"));
  results.faultsJson = await attempt(() => post("/_emulator/faults", JSON.stringify(MARKER_FAULT), "application/json"));
  // A classic cross-site form post with a text/plain body that reads as JSON, into a frame the page cannot read.
  await new Promise((resolve) => {
    const frame = document.createElement("iframe");
    frame.name = "sink";
    document.body.append(frame);
    const form = document.createElement("form");
    form.method = "post";
    form.enctype = "text/plain";
    form.action = E + "/_emulator/faults";
    form.target = "sink";
    const input = document.createElement("input");
    const json = JSON.stringify(MARKER_FAULT);
    input.name = json.slice(0, -1) + ',"x":"';
    input.value = '"}';
    form.append(input);
    document.body.append(form);
    frame.onload = () => resolve(undefined);
    setTimeout(() => resolve(undefined), 5000);
    form.submit();
  });
  results.formPost = "sent";
  const out = document.getElementById("results");
  out.textContent = JSON.stringify(results);
  out.dataset.done = "1";
})();`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Not the console</title></head><body><pre id="results"></pre><script>${script}</script></body></html>`;
}

let hostile: Server;
let hostileOrigin = "";
let scale = 0;

test.beforeAll(async () => {
  scale = (await emulatorControl<Health>("GET", "health")).scale;
  hostile = createServer((req, res) => {
    if (req.url === "/") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      res.end(hostilePage(EMULATOR_URL, scale));
    } else res.writeHead(404, { "Content-Length": "0" }).end();
  });
  await new Promise<void>((resolve) => hostile.listen(0, "127.0.0.1", resolve));
  hostileOrigin = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => hostile.close(() => resolve())));

/** What a successful attack would leave behind: another scale, the marker fault, a logged Graph request. */
async function traces() {
  const health = await emulatorControl<Health>("GET", "health");
  const faults = (await emulatorControl<{ value: { path?: string }[] }>("GET", "faults")).value;
  // The no-cors GET is left out: a cross-origin GET in no-cors mode carries no Origin (like an <img>), so it is
  // answered as a script's would be, here Graph's 401 for a request without a token, which the page cannot read.
  const logged = (await requestLog()).filter((entry) => entry.path.includes(MARKER) && !entry.path.includes(NO_CORS_GET));
  return { scale: health.scale, markerFaults: faults.filter((fault) => fault.path?.includes(MARKER)).length, loggedMarkerRequests: logged.length };
}

test("a page on another loopback port cannot mint a token, read Graph, reset the emulator or add a fault", async ({ page }) => {
  expect(new URL(hostileOrigin).port).not.toBe(new URL(EMULATOR_URL).port);
  const before = await traces();
  expect(before).toEqual({ scale, markerFaults: 0, loggedMarkerRequests: 0 });

  const refused: number[] = [];
  page.on("response", (response) => {
    if (response.url().startsWith(EMULATOR_URL) && !response.url().includes(NO_CORS_GET)) refused.push(response.status());
  });
  await page.goto(`${hostileOrigin}/`);
  const results = page.locator("#results[data-done]");
  await expect(results).toBeAttached({ timeout: 20_000 });
  const outcome = JSON.parse((await results.textContent()) ?? "{}") as Record<string, string>;

  // Readable attempts fail in the page: no CORS header on the 403, and the preflight is refused.
  for (const name of ["tokenTextPlain", "tokenJson", "graphGet", "resetTextPlain", "faultsTextPlain", "faultsJson"]) expect(outcome[name], name).toBe("blocked");
  // no-cors requests always give the page an opaque response: that they did nothing is shown below.
  for (const name of ["tokenNoCors", "graphGetNoCors", "resetNoCors", "faultsNoCors"]) expect(outcome[name], name).toBe("opaque");
  expect(outcome.formPost).toBe("sent");
  for (const value of Object.values(outcome)) expect(value).not.toMatch(/access_token|eyJ/);
  // Every answer the emulator gave this page (but the no-cors GET's, see traces) was the access policy's 403.
  expect(refused.length).toBeGreaterThan(0);
  expect(new Set(refused)).toEqual(new Set([403]));

  expect(await traces()).toEqual(before);
});

test.describe("DNS rebinding", () => {
  test("a page on evil.example:<emulator port> reads only the Host check's 403", async () => {
    // A browser of its own that resolves evil.example to 127.0.0.1: a page there is same-origin with the emulator.
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP evil.example 127.0.0.1"] });
    try {
      await rebinding(await browser.newPage());
    } finally {
      await browser.close();
    }
  });
});

/** The rebinding attacks, from a page on evil.example:<emulator port>. */
async function rebinding(page: Page) {
  const rebound = `http://evil.example:${new URL(EMULATOR_URL).port}`;
  const before = await traces();
  const landing = await page.goto(`${rebound}/_emulator/health`);
  expect(landing?.status()).toBe(403);
  expect(await landing?.text()).toMatch(/Host header 'evil\.example:\d+' is not accepted/);
  const outcome = await page.evaluate(async ([marker, fault, nextScale]) => {
    const read = async (path: string, init?: RequestInit) => {
      const response = await fetch(path, init);
      return { status: response.status, text: await response.text() };
    };
    const json = { "content-type": "application/json" };
    return {
      token: await read("/_emulator/token", { method: "POST", headers: json, body: '{"persona":"admin"}' }),
      reset: await read("/_emulator/reset", { method: "POST", headers: json, body: JSON.stringify({ scale: nextScale }) }),
      faults: await read("/_emulator/faults", { method: "POST", headers: json, body: JSON.stringify(fault) }),
      graph: await read(`/beta/servicePrincipals/${marker}-rebinding`),
      openid: await read("/organizations/v2.0/.well-known/openid-configuration"),
    };
  }, [MARKER, MARKER_FAULT, scale + 1] as const);
  for (const [name, answer] of Object.entries(outcome)) {
    expect(answer.status, name).toBe(403);
    expect(answer.text, name).toMatch(/Host header/);
    expect(answer.text, name).not.toMatch(/access_token|eyJ/);
  }
  expect(await traces()).toEqual(before);
}
