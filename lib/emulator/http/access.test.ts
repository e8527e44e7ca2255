import { spawnSync } from "node:child_process";
import { request } from "node:http";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TENANT_ID } from "../auth/personas";
import { compilePattern, MAX_PATTERN_LENGTH } from "../controls/faults";
import { EMBEDDED_CLIENT_ID } from "../identity/client";
import { emulatorOptionsFromEnv } from "../options-from-env";
import { startEmulator } from "../server";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { Browser, authorizeRequest, transactionId } from "@/test/support/identity";

/**
 * Issue 21, point 1 and 4: a web page the developer visits cannot drive the emulator (Host, Origin, control
 * content type, fault patterns), and it does not listen on the network unless told to. Every case goes to the
 * real server over HTTP.
 */
const CONSOLE = "http://127.0.0.1:3999";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: any;
}

/** node:http, so Host and Origin are exactly what the test says (fetch would set Host itself). */
function send(port: number, method: string, urlPath: string, headers: Record<string, string> = {}, body?: string, connectTo = "127.0.0.1"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: connectTo, port, method, path: urlPath, headers: { Host: `127.0.0.1:${port}`, ...headers, ...(body === undefined ? {} : { "Content-Length": String(Buffer.byteLength(body)) }) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => {
        let parsed: unknown;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = text;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: parsed });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** The plain Graph-shaped error every refusal answers with. */
function expectRefused(answer: Answer, status: number, mentions: RegExp) {
  expect(answer.status).toBe(status);
  expect(answer.headers["content-type"]).toMatch(/^application\/json/);
  expect(Object.keys(answer.body)).toEqual(["error"]);
  expect(Object.keys(answer.body.error)).toEqual(["code", "message", "innerError"]);
  expect(answer.body.error.message).toMatch(mentions);
  expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
  expect(answer.text).not.toMatch(/access_token|emulator/i);
}

let emu: TestEmulator;
let port: number;
let admin: string;
const bearer = () => ({ Authorization: `Bearer ${admin}` });
const json = { "Content-Type": "application/json" };
const tokenForm = new URLSearchParams({ grant_type: "refresh_token", client_id: EMBEDDED_CLIENT_ID, refresh_token: "x", scope: "openid" }).toString();
const form = { "Content-Type": "application/x-www-form-urlencoded" };

beforeAll(async () => {
  emu = await startTestEmulator({ consoleOrigin: CONSOLE });
  port = emu.port;
  admin = await emu.token("admin");
});
afterAll(() => emu.close());

/** What an attack would change: the scale, the faults, the request log. */
async function state() {
  const health = (await emu.control("GET", "health")).body;
  return { scale: health.scale, faults: (await emu.control("GET", "faults")).body.value, requests: (await emu.requests()).length };
}

describe("Host: only a loopback name with this server's port (DNS rebinding)", () => {
  const refusedHosts = () => ["evil.example:4010", `evil.example:${port}`, `127.0.0.1:${port + 1}`, "127.0.0.1", `localhost.:${port}`, `127.0.0.2:${port}`, `[::2]:${port}`];

  it("refuses a foreign Host on Graph, identity and control routes with a plain 403, and does nothing", async () => {
    const before = await state();
    for (const host of refusedHosts()) {
      expectRefused(await send(port, "GET", "/beta/servicePrincipals?$top=1", { Host: host, ...bearer() }), 403, /Host header .* is not accepted/);
      expectRefused(await send(port, "GET", `/${TENANT_ID}/v2.0/.well-known/openid-configuration`, { Host: host }), 403, /Host header/);
      expectRefused(await send(port, "POST", `/${TENANT_ID}/oauth2/v2.0/token`, { Host: host, ...form }, tokenForm), 403, /Host header/);
      expectRefused(await send(port, "POST", "/_emulator/token", { Host: host, ...json }, '{"persona":"admin"}'), 403, /Host header/);
      expectRefused(await send(port, "POST", "/_emulator/reset", { Host: host, ...json }, '{"scale":7}'), 403, /Host header/);
      expectRefused(await send(port, "POST", "/_emulator/faults", { Host: host, ...json }, '{"status":500}'), 403, /Host header/);
      expectRefused(await send(port, "OPTIONS", "/beta/servicePrincipals", { Host: host, Origin: CONSOLE, "Access-Control-Request-Method": "GET" }), 403, /Host header/);
    }
    expect(await state()).toEqual(before);
  });

  it("refuses a request without Host", async () => {
    const answer = await new Promise<Answer>((resolve, reject) => {
      // Node's client always sends Host; a raw socket does not.
      import("node:net").then(({ connect }) => {
        const socket = connect(port, "127.0.0.1", () => socket.end("GET /_emulator/health HTTP/1.1\r\nConnection: close\r\n\r\n"));
        let raw = "";
        socket.on("data", (chunk) => (raw += chunk));
        socket.on("end", () => {
          const [head, text] = raw.split("\r\n\r\n");
          resolve({ status: Number(head.split(" ")[1]), headers: { "content-type": /content-type: ([^\r]+)/i.exec(head)?.[1] }, text, body: JSON.parse(text) });
        });
        socket.on("error", reject);
      });
    });
    expectRefused(answer, 403, /without a Host header/);
  });

  it("answers 127.0.0.1, localhost and [::1] with its port, in any case, and only those", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await send(port, "GET", "/beta/servicePrincipals?$top=1", { Host: host, ...bearer() })).status, host).toBe(200);
      expect((await send(port, "GET", "/_emulator/health", { Host: host })).status, host).toBe(200);
      expect((await send(port, "GET", `/${TENANT_ID}/v2.0/.well-known/openid-configuration`, { Host: host })).status, host).toBe(200);
    }
    // The same names on another port are another server.
    for (const host of [`localhost:${port + 1}`, `[::1]:${port + 1}`]) expect((await send(port, "GET", "/_emulator/health", { Host: host })).status, host).toBe(403);
  });
});

describe("Origin: only the emulator's own and the console's", () => {
  const foreign = () => ["https://evil.example", `http://127.0.0.1:${port + 1}`, `http://localhost:${port + 1}`, "http://127.0.0.1:3998", "null", `http://evil.example:${port}`];

  it("refuses a foreign Origin on Graph, identity and control routes (also a page on another loopback port, and null)", async () => {
    const before = await state();
    for (const origin of foreign()) {
      const headers = { Origin: origin };
      expectRefused(await send(port, "GET", "/beta/servicePrincipals?$top=1", { ...headers, ...bearer() }), 403, /origin .* refused/);
      expectRefused(await send(port, "GET", "/beta/servicePrincipals?$top=1", headers), 403, /origin/);
      expectRefused(await send(port, "POST", `/${TENANT_ID}/oauth2/v2.0/token`, { ...headers, ...form }, tokenForm), 403, /origin/);
      expectRefused(await send(port, "GET", `/${TENANT_ID}/v2.0/.well-known/openid-configuration`, headers), 403, /origin/);
      expectRefused(await send(port, "POST", "/_emulator/token", { ...headers, ...json }, '{"persona":"admin"}'), 403, /origin/);
      expectRefused(await send(port, "POST", "/_emulator/token", { ...headers, "Content-Type": "text/plain" }, '{"persona":"admin"}'), 403, /origin/);
      expectRefused(await send(port, "POST", "/_emulator/reset", { ...headers, ...json }, '{"scale":7}'), 403, /origin/);
      expectRefused(await send(port, "POST", "/_emulator/faults", { ...headers, ...json }, '{"status":500}'), 403, /origin/);
      expectRefused(await send(port, "OPTIONS", "/_emulator/token", { ...headers, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" }), 403, /origin/);
      expectRefused(await send(port, "OPTIONS", "/beta/servicePrincipals", { ...headers, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" }), 403, /origin/);
      expectRefused(await send(port, "OPTIONS", `/${TENANT_ID}/oauth2/v2.0/token`, { ...headers, "Access-Control-Request-Method": "POST" }), 403, /origin/);
    }
    expect(await state()).toEqual(before);
  });

  it("answers requests without Origin (scripts, Node) without an Allow-Origin header", async () => {
    const graph = await send(port, "GET", "/beta/servicePrincipals?$top=1", bearer());
    expect(graph.status).toBe(200);
    expect(graph.headers["access-control-allow-origin"]).toBeUndefined();
    expect(graph.headers.vary).toMatch(/Origin/);
    const minted = await send(port, "POST", "/_emulator/token", json, '{"persona":"reader"}');
    expect(minted.status).toBe(200);
    expect(minted.body.access_token).toEqual(expect.any(String));
  });

  it("answers its own origin (127.0.0.1, localhost, [::1] on its port) and echoes it in CORS", async () => {
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]) {
      const graph = await send(port, "GET", "/beta/servicePrincipals?$top=1", { Origin: origin, ...bearer() });
      expect(graph.status, origin).toBe(200);
      expect(graph.headers["access-control-allow-origin"]).toBe(origin);
      expect(graph.headers.vary).toMatch(/Origin/);
      expect((await send(port, "GET", "/_emulator/health", { Origin: origin })).status).toBe(200);
      const token = await send(port, "POST", `/${TENANT_ID}/oauth2/v2.0/token`, { Origin: origin, ...form }, tokenForm);
      expect(token.status).toBe(400); // refresh token "x": Entra's invalid_grant, i.e. it got through
      expect(token.body.error).toBe("invalid_grant");
      expect(token.headers["access-control-allow-origin"]).toBe(origin);
    }
  });

  it("answers the configured console origin (and its localhost spelling) and echoes it", async () => {
    for (const origin of [CONSOLE, "http://localhost:3999"]) {
      const graph = await send(port, "GET", "/beta/servicePrincipals?$top=1", { Origin: origin, ...bearer() });
      expect(graph.status, origin).toBe(200);
      expect(graph.headers["access-control-allow-origin"]).toBe(origin);
      expect(graph.headers.vary).toMatch(/Origin/);
      const token = await send(port, "POST", `/${TENANT_ID}/oauth2/v2.0/token`, { Origin: origin, ...form }, tokenForm);
      expect(token.body.error).toBe("invalid_grant");
      expect(token.headers["access-control-allow-origin"]).toBe(origin);
    }
  });

  it("answers a preflight from the console origin (Graph and the token endpoint)", async () => {
    const graph = await send(port, "OPTIONS", "/beta/servicePrincipals", { Origin: CONSOLE, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization,consistencylevel" });
    expect(graph.status).toBe(204);
    expect(graph.headers["access-control-allow-origin"]).toBe(CONSOLE);
    expect(graph.headers["access-control-allow-headers"]).toContain("consistencylevel");
    expect(graph.headers.vary).toMatch(/Origin/);
    const token = await send(port, "OPTIONS", `/${TENANT_ID}/oauth2/v2.0/token`, { Origin: CONSOLE, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" });
    expect(token.status).toBe(204);
    expect(token.headers["access-control-allow-origin"]).toBe(CONSOLE);
  });

  it("without a configured console origin, allows only its own origin", async () => {
    const bare = await startEmulator({ port: 0 });
    try {
      const refused = await send(bare.port, "GET", `/${TENANT_ID}/v2.0/.well-known/openid-configuration`, { Host: `127.0.0.1:${bare.port}`, Origin: "http://127.0.0.1:3000" });
      expectRefused(refused, 403, /origin/);
      const own = await send(bare.port, "GET", `/${TENANT_ID}/v2.0/.well-known/openid-configuration`, { Host: `127.0.0.1:${bare.port}`, Origin: `http://127.0.0.1:${bare.port}` });
      expect(own.status).toBe(200);
    } finally {
      await bare.close();
    }
  });

  it("refuses a console origin that is not an origin", async () => {
    await expect(startEmulator({ port: 0, consoleOrigin: "http://127.0.0.1:3000/app" })).rejects.toThrow(/not an origin/);
    await expect(startEmulator({ port: 0, consoleOrigin: "127.0.0.1:3000" })).rejects.toThrow(/not an origin/);
  });
});

describe("the account picker posts with the emulator's own Origin", () => {
  it("sends Referrer-Policy same-origin (under no-referrer Chromium posts Origin: null); a null-Origin post is refused and changes nothing", async () => {
    const idp = { origin: emu.url, base: `${emu.url}/${TENANT_ID}`, close: async () => {} };
    const browser = new Browser();
    const authorize = authorizeRequest(idp, { redirectUri: `${CONSOLE}/auth/bridge` });
    const page = await browser.fetch(authorize.url);
    expect(page.status).toBe(200);
    expect(page.headers.get("referrer-policy")).toBe("same-origin");
    const txn = transactionId(await page.text());
    const post = (origin: string) =>
      browser.fetch(`${idp.base}/oauth2/v2.0/authorize`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
        body: new URLSearchParams({ txn, persona: "admin" }).toString(),
      });
    expect((await post("null")).status).toBe(403);
    expect((await post(`http://127.0.0.1:${port + 1}`)).status).toBe(403);
    const chosen = await post(emu.url);
    expect([302, 303]).toContain(chosen.status);
    expect(chosen.headers.get("location")).toMatch(new RegExp(`^${CONSOLE}/auth/bridge#code=`));
  });
});

describe("control POSTs need Content-Type: application/json", () => {
  it("answers 415 to text/plain, form and missing content types (the CORS-safelisted ones a page sends without preflight), and does nothing", async () => {
    const before = await state();
    for (const type of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", undefined]) {
      const headers: Record<string, string> = type ? { "Content-Type": type } : {};
      for (const [name, body] of [
        ["token", '{"persona":"admin"}'],
        ["reset", '{"scale":7}'],
        ["faults", '{"path":"**","status":500}'],
        ["clock", '{"speed":0,"advance":"P1D"}'],
        ["settings", '{"accessTokenLifetimeSeconds":1}'],
      ]) {
        const answer = await send(port, "POST", `/_emulator/${name}`, headers, body);
        expectRefused(answer, 415, /Content-Type: application\/json/);
        expect(answer.body.error.code, `${name} ${type}`).toBe("UnsupportedMediaType");
      }
      // No body at all: a bare cross-site POST.
      expectRefused(await send(port, "POST", "/_emulator/reset", headers), 415, /application\/json/);
    }
    expect(await state()).toEqual(before);
    expect((await emu.control("GET", "settings")).body.accessTokenLifetimeSeconds).toBe(3600);
  });

  it("keeps the shape Graph routes use for a non-JSON content type (their 400), and accepts application/json with parameters or no body", async () => {
    const graph = await send(port, "POST", `/beta/servicePrincipals/${"00000000-0000-0000-0000-000000000001"}/synchronization/jobs`, { ...bearer(), "Content-Type": "text/plain" }, "{}");
    const control = await send(port, "POST", "/_emulator/token", { "Content-Type": "text/plain" }, "{}");
    expect(graph.status).toBe(400);
    expect(control.status).toBe(415);
    expect(Object.keys(graph.body.error)).toEqual(Object.keys(control.body.error));
    expect(Object.keys(graph.body.error.innerError)).toEqual(Object.keys(control.body.error.innerError));
    expect((await send(port, "POST", "/_emulator/token", { "Content-Type": "application/json; charset=utf-8" }, '{"persona":"admin"}')).status).toBe(200);
    expect((await send(port, "POST", "/_emulator/clock", json)).status).toBe(200);
  });
});

describe("fault path patterns: globs only, bounded", () => {
  afterEach(async () => {
    await emu.control("DELETE", "faults");
  });

  it.each([
    ["a regex", "^/beta/servicePrincipals/[^/]+/synchronization/jobs$"],
    ["a catastrophic regex", "^(a+)+$"],
    ["'**' inside a segment (backtracks as .*)", `/${"**a".repeat(30)}**b`],
    ["a '?' wildcard", "/servicePrincipals/?"],
    ["a space", "/service principals"],
    ["a relative pattern", "servicePrincipals"],
    ["an overlong pattern", `/${"a".repeat(MAX_PATTERN_LENGTH)}`],
  ])("refuses %s with a 400 and adds nothing", async (_name, path) => {
    const answer = await emu.control("POST", "faults", { path, status: 500 });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/glob of at most 256 characters/);
    expect((await emu.control("GET", "faults")).body.value).toEqual([]);
  });

  it("keeps the forms the tests and scripts use", () => {
    const cases: [pattern: string, path: string, matches: boolean][] = [
      ["/servicePrincipals", "/servicePrincipals", true],
      ["/servicePrincipals", "/servicePrincipals/", true],
      ["/servicePrincipals", "/SERVICEPRINCIPALS", true],
      ["/servicePrincipals", "/servicePrincipals/x", false],
      ["/servicePrincipals/*", "/servicePrincipals/abc", true],
      ["/servicePrincipals/*", "/servicePrincipals/abc/synchronization", false],
      ["/servicePrincipals/*/synchronization/jobs", "/servicePrincipals/3c6f/synchronization/jobs", true],
      ["/servicePrincipals/*/synchronization/jobs", "/servicePrincipals/3c6f/synchronization/jobs/x", false],
      ["**/validateCredentials", "/servicePrincipals/x/synchronization/jobs/validateCredentials", true],
      ["**/validateCredentials", "/validateCredentials", true],
      ["**/validateCredentials", "/servicePrincipals/x/validateCredentialsX", false],
      ["**/jobs/Databricks.0a1b2c/start", "/beta/servicePrincipals/x/synchronization/jobs/Databricks.0a1b2c/start", true],
      ["**/jobs/*", "/servicePrincipals/x/synchronization/jobs/j1", true],
      ["**", "/anything/at/all", true],
      ["/$batch", "/$batch", true],
      ["/beta/servicePrincipals", "/beta/servicePrincipals", true],
      ["/servicePrincipals/*/synchronization/**", "/servicePrincipals/x/synchronization/jobs/j/schema", true],
      ["/servicePrincipals(appId=*)", "/servicePrincipals(appId='00000003')", true],
      ["/servicePrincipals/sp-*", "/servicePrincipals/sp-123", true],
      ["/servicePrincipals/sp-*", "/servicePrincipals/xp-123", false],
    ];
    for (const [pattern, path, matches] of cases) expect(compilePattern(pattern)(path), `${pattern} on ${path}`).toBe(matches);
  });

  it("matches the worst allowed pattern against the longest path quickly (no backtracking blow-up)", async () => {
    const pattern = `/${Array.from({ length: 12 }, () => "**/*a*a*a*a*a*a*a*a*a*b").join("/")}`.slice(0, MAX_PATTERN_LENGTH);
    expect((await emu.control("POST", "faults", { path: pattern, status: 500 })).status).toBe(201);
    const started = performance.now();
    // ~14 KB of segments that almost match: every star keeps a choice open.
    const result = await emu.call("GET", `/beta/${Array.from({ length: 700 }, () => "aaaaaaaaaaaaaaaaaaa").join("/")}`);
    expect(result.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("binding a non-loopback address (point 4)", () => {
  it("refuses EMULATOR_HOST=0.0.0.0 without EMULATOR_ALLOW_REMOTE=1: exits naming both variables", () => {
    const run = spawnSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "lib/emulator/main.ts"], {
      env: { ...process.env, EMULATOR_HOST: "0.0.0.0", EMULATOR_PORT: "0", EMULATOR_ALLOW_REMOTE: "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/EMULATOR_HOST=0\.0\.0\.0/);
    expect(run.stderr).toMatch(/EMULATOR_ALLOW_REMOTE=1/);
    expect(run.stdout).not.toMatch(/listening/);
  }, 60_000);

  it("refuses it in code too, and reads the flag from the environment", async () => {
    await expect(startEmulator({ port: 0, host: "0.0.0.0" })).rejects.toThrow(/not a loopback address.*EMULATOR_ALLOW_REMOTE=1/);
    expect(emulatorOptionsFromEnv({ EMULATOR_HOST: "0.0.0.0", EMULATOR_ALLOW_REMOTE: "1" } as unknown as NodeJS.ProcessEnv)).toMatchObject({ host: "0.0.0.0", allowRemote: true });
    expect(emulatorOptionsFromEnv({ EMULATOR_HOST: "localhost" } as unknown as NodeJS.ProcessEnv).allowRemote).toBeUndefined();
  });

  it("with the flag: warns, listens, and accepts this machine's addresses as Host (foreign names still refused)", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const remote = await startEmulator({ port: 0, host: "0.0.0.0", allowRemote: true });
    try {
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/WARNING: listening on 0\.0\.0\.0.*reachable from other machines.*mint admin tokens/));
      expect((await send(remote.port, "GET", "/_emulator/health", { Host: `127.0.0.1:${remote.port}` })).status).toBe(200);
      const lan = Object.values(networkInterfaces())
        .flat()
        .find((address) => address && address.family === "IPv4" && !address.internal);
      if (lan) {
        const answer = await send(remote.port, "GET", "/_emulator/health", { Host: `${lan.address}:${remote.port}`, Origin: `http://${lan.address}:${remote.port}` }, undefined, lan.address);
        expect(answer.status).toBe(200);
      }
      expectRefused(await send(remote.port, "GET", "/_emulator/health", { Host: `evil.example:${remote.port}` }), 403, /Host header/);
    } finally {
      warn.mockRestore();
      await remote.close();
    }
  });
});
