import { Agent, request } from "node:http";
import { connect } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_LOGGED_PATH_CHARS, MAX_LOGGED_REQUESTS, RequestLog } from "./controls/requestLog";
import { MAX_BODY_BYTES } from "./http/body";
import { JOB, SP } from "./seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";

/**
 * Issue 8, emulator robustness, over real HTTP (node:http and raw node:net where fetch would normalise):
 * hostile bodies, content types, URLs, methods and headers, bodies that never end, and 5,000 concurrent
 * requests — every answer Graph-shaped, no crash, bounded time and memory. (lib/emulator/http/robustness.test.ts
 * covers the basic 400/413/405 cases; this file goes further.)
 */

const REQUEST_TIMEOUT_MS = 1_000;
const JOBS = `/beta/servicePrincipals/${SP.zoom}/synchronization/jobs`;

let emu: TestEmulator;
let token: string;

beforeAll(async () => {
  emu = await startTestEmulator({ requestTimeoutMs: REQUEST_TIMEOUT_MS });
  token = await emu.token("admin");
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.control("POST", "reset");
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One request with node:http (no normalisation of the path, any header and body). */
function http(method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer; agent?: Agent } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: emu.port, method, path, headers: { Authorization: `Bearer ${token}`, ...options.headers }, agent: options.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Raw bytes over TCP; resolves with what came back when the server closes (or after `waitMs`). */
function raw(chunks: (string | Buffer)[], waitMs = 3_000): Promise<{ text: string; closedByServer: boolean; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(emu.port, "127.0.0.1");
    let text = "";
    let done = false;
    const finish = (closedByServer: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closedByServer, ms: performance.now() - started });
    };
    socket.on("data", (data) => (text += data.toString("utf8")));
    socket.on("error", () => finish(true));
    socket.on("close", () => finish(true));
    const timer = setTimeout(() => finish(false), waitMs);
    for (const chunk of chunks) socket.write(chunk);
  });
}

/** The Graph error envelope, parsed from a response body. */
function graphError(text: string): { code: string; message: string; innerError: Record<string, string> } {
  const body = JSON.parse(text) as { error?: { code: string; message: string; innerError: Record<string, string> } };
  expect(body.error, text.slice(0, 200)).toBeDefined();
  expect(typeof body.error!.code).toBe("string");
  expect(typeof body.error!.message).toBe("string");
  expect(Object.keys(body.error!.innerError).sort()).toEqual(["client-request-id", "date", "request-id"]);
  return body.error!;
}

/** Status and Graph error envelope of a raw HTTP/1.1 response. */
function parseRaw(text: string): { status: number; body: string } {
  const match = /^HTTP\/1\.1 (\d{3}) /.exec(text);
  expect(match, text.slice(0, 200)).not.toBeNull();
  return { status: Number(match![1]), body: text.slice(text.indexOf("\r\n\r\n") + 4) };
}

async function alive(): Promise<void> {
  const answer = await http("GET", `${JOBS.replace(SP.zoom, SP.slack)}/${encodeURIComponent(JOB.slackActive)}`);
  expect(answer.status).toBe(200);
}

describe("content types and malformed JSON", () => {
  const body = JSON.stringify({ templateId: "zoom" });

  it.each(["application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8", "APPLICATION/JSON", "application/json ; charset=utf-8", "application/json; odata.metadata=minimal"])(
    "creates a job with Content-Type %s",
    async (type) => {
      const answer = await http("POST", JOBS, { headers: { "Content-Type": type }, body });
      expect(answer.status).toBe(201);
      expect(JSON.parse(answer.text).templateId).toBe("zoom");
    },
  );

  it.each([
    ["text/plain", body],
    ["text/plain;charset=UTF-8", body],
    ["application/x-www-form-urlencoded", "templateId=zoom"],
    ["multipart/form-data; boundary=x", `--x\r\nContent-Disposition: form-data; name="templateId"\r\n\r\nzoom\r\n--x--`],
    ["application/xml", "<templateId>zoom</templateId>"],
    ["application/jsonp", body],
    ["json", body],
    ["", body],
    [undefined, body],
  ])("answers 400 with the Graph envelope for Content-Type %j", async (type, payload) => {
    const answer = await http("POST", JOBS, { headers: type === undefined ? {} : { "Content-Type": type }, body: payload });
    expect(answer.status).toBe(400);
    expect(graphError(answer.text).code).toBe("BadRequest");
    expect((await emu.call("GET", JOBS)).body.value).toEqual([]);
  });

  it.each([
    ["truncated", '{"templateId":'],
    ["single quotes", "{'templateId':'zoom'}"],
    ["trailing comma", '{"templateId":"zoom",}'],
    ["comment", '{"templateId":"zoom" /* x */}'],
    ["NaN", '{"templateId":NaN}'],
    ["bare word", "zoom"],
    ["byte order mark", '\uFEFF{"templateId":"zoom"}'],
    ["NUL bytes", '{"templateId":"zoom"}\u0000'],
    ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ["UTF-16", Buffer.from('{"templateId":"zoom"}', "utf16le")],
    ["two documents", '{"templateId":"zoom"}{"templateId":"zoom"}'],
  ])("answers 400 for malformed JSON: %s", async (_name, payload) => {
    const answer = await http("POST", JOBS, { headers: { "Content-Type": "application/json" }, body: payload });
    expect(answer.status).toBe(400);
    expect(graphError(answer.text).code).toBe("BadRequest");
  });

  it.each([
    ["null", "null"],
    ["a number", "42"],
    ["a string", '"zoom"'],
    ["templateId a number", '{"templateId":7}'],
    ["templateId an object", '{"templateId":{"$ne":null}}'],
    ["templateId an array", '{"templateId":["zoom"]}'],
    ["templateId with traversal", '{"templateId":"../../zoom"}'],
    ["templateId of 1,000 characters", JSON.stringify({ templateId: "z".repeat(1000) })],
    ["deeply nested arrays", `${"[".repeat(200_000)}${"]".repeat(200_000)}`],
    ["deeply nested objects", `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`],
  ])("answers 4xx without creating anything for well-formed but wrong JSON: %s", async (_name, payload) => {
    const answer = await http("POST", JOBS, { headers: { "Content-Type": "application/json" }, body: payload });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    graphError(answer.text);
    expect((await emu.call("GET", JOBS)).body.value).toEqual([]);
  });

  it("ignores prototype-pollution payloads in bodies (controls and Graph)", async () => {
    const polluted = '{"templateId":"zoom","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';
    const answer = await http("POST", JOBS, { headers: { "Content-Type": "application/json" }, body: polluted });
    expect(answer.status).toBeLessThan(500);
    for (const control of ["settings", "clock", "faults", "reset", "token"]) {
      const result = await fetch(`${emu.url}/_emulator/${control}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"__proto__":{"polluted":true}}' });
      expect(result.status, control).toBeLessThan(500);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await emu.control("DELETE", "faults");
    await alive();
  });
});

describe("bodies over 1 MB and bodies that never end", () => {
  it("answers 413 to a declared 5 MB body after reading none of it, closes the connection, and stays up", async () => {
    const head = `POST ${JOBS} HTTP/1.1\r\nHost: 127.0.0.1:${emu.port}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${5 * MAX_BODY_BYTES}\r\n\r\n`;
    const result = await raw([head, "x".repeat(64 * 1024)]);
    const { status, body } = parseRaw(result.text);
    expect(status).toBe(413);
    expect(graphError(body).code).toBe("RequestEntityTooLarge");
    expect(result.text).toMatch(/\r\nConnection: close\r\n/i);
    expect(result.closedByServer).toBe(true);
    await alive();
  });

  it("answers 413 to a streamed body once it passes 1 MB, even while the client keeps sending", async () => {
    const started = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port: emu.port, method: "POST", path: JOBS, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on("error", (error) => (req.destroyed ? undefined : reject(error)));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        // Up to 32 MB, unless the server answers first.
        for (let sent = 0; sent < 512 && !req.destroyed; sent++) if (!req.write(chunk)) return void req.once("drain", pump);
      };
      pump();
    });
    expect(status).toBe(413);
    expect(performance.now() - started).toBeLessThan(5_000);
    await alive();
  });

  it("cuts a chunked body that never ends after the request timeout with a Graph-shaped 408", async () => {
    const head = `POST ${JOBS} HTTP/1.1\r\nHost: 127.0.0.1:${emu.port}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const result = await raw([head, '5\r\n{"tem\r\n'], 10 * REQUEST_TIMEOUT_MS);
    expect(result.closedByServer).toBe(true);
    expect(result.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 2_500);
    const { status, body } = parseRaw(result.text);
    expect(status).toBe(408);
    expect(graphError(body).code).toBe("RequestTimeout");
    await alive();
  });

  it("cuts headers that never end (slowloris) and a short body that never completes", async () => {
    const slowHeaders = raw([`GET /beta/servicePrincipals HTTP/1.1\r\nHost: 127.0.0.1:${emu.port}\r\nX-Slow: a`], 10 * REQUEST_TIMEOUT_MS);
    const shortBody = raw([`POST ${JOBS} HTTP/1.1\r\nHost: 127.0.0.1:${emu.port}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"templateId"`], 10 * REQUEST_TIMEOUT_MS);
    for (const result of await Promise.all([slowHeaders, shortBody])) {
      expect(result.closedByServer).toBe(true);
      expect(result.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 2_500);
      expect(parseRaw(result.text).status).toBe(408);
    }
    await alive();
  });

  it("logs a client that disconnects mid-body as status 0 and carries on", async () => {
    await emu.clearRequests();
    const head = `POST ${JOBS} HTTP/1.1\r\nHost: 127.0.0.1:${emu.port}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"templateId"`;
    await raw([head], 200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const log = (await emu.requests()) as { method: string; status: number }[];
    expect(log).toEqual([expect.objectContaining({ method: "POST", status: 0 })]);
    await alive();
  });
});

describe("URLs, methods and headers Node or the router refuse", () => {
  it.each([
    ["an unknown method", `FOO /beta/servicePrincipals HTTP/1.1\r\nHost: x\r\n\r\n`, 400],
    ["a space in the path", `GET /beta/service Principals HTTP/1.1\r\nHost: x\r\n\r\n`, 400],
    ["a bad HTTP version", `GET /beta/servicePrincipals HTTP/9.9\r\nHost: x\r\n\r\n`, 400],
    ["a bad Content-Length", `POST ${JOBS} HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n`, 400],
    ["Content-Length and chunked together (smuggling)", `POST ${JOBS} HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, 400],
    ["two Content-Lengths", `POST ${JOBS} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}`, 400],
    ["a NUL in a header", `GET /beta/servicePrincipals HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n`, 400],
    ["a bare LF header folding", `GET /beta/servicePrincipals HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n`, 400],
    ["one 20 KB header", `GET /beta/servicePrincipals HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`, 431],
    ["a 20 KB URL", `GET /beta/servicePrincipals?$filter=${"a".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431],
    ["3,000 headers", `GET /beta/servicePrincipals HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 3000 }, (_, i) => `h${i}: v`).join("\r\n")}\r\n\r\n`, 431],
  ])("answers %s with a Graph-shaped error and closes", async (_name, text, expected) => {
    const result = await raw([text]);
    const { status, body } = parseRaw(result.text);
    expect(status).toBe(expected);
    graphError(body);
    expect(result.closedByServer).toBe(true);
    await alive();
  });

  it("answers 900 small headers (under 16 KB) normally; past Node's 1,000-header limit, still Graph-shaped", async () => {
    const headers = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`x-h${i}`, "v"]));
    expect((await http("GET", "/beta/servicePrincipals?$top=1", { headers: headers(900) })).status).toBe(200);
    // With Host first (as browsers send it), the extra headers are dropped and the request is answered.
    const hostFirst = await http("GET", "/beta/servicePrincipals?$top=1", { headers: { Host: `127.0.0.1:${emu.port}`, ...headers(1_100) } });
    expect(hostFirst.status).toBe(200);
    // node:http sends Host last, so Node's parser drops it with the extra headers: a request without Host is
    // refused (403, http/access.ts), Graph-shaped, as is one that never had a Host.
    const flooded = await http("GET", "/beta/servicePrincipals?$top=1", { headers: headers(1_100) });
    expect(flooded.status).toBe(403);
    graphError(flooded.text);
    const noHost = parseRaw((await raw([`GET /beta/servicePrincipals HTTP/1.1\r\n\r\n`])).text);
    expect(noHost.status).toBe(403);
    graphError(noHost.body);
  });

  it.each([
    ["a lone percent", "/beta/servicePrincipals/%"],
    ["a bad escape", "/beta/servicePrincipals/%zz"],
    ["an overlong UTF-8 slash", "/beta/servicePrincipals/%C0%AF"],
    ["an encoded lone surrogate", "/beta/servicePrincipals/%ED%A0%80"],
    ["invalid UTF-8 in a job id", `/beta/servicePrincipals/${SP.zoom}/synchronization/jobs/%FF%FE`],
    ["a lone percent in $top", "/beta/servicePrincipals?$top=%"],
    ["a bad escape in $filter", "/beta/servicePrincipals?$filter=%ZZ"],
    ["a negative $top", "/beta/servicePrincipals?$top=-1"],
    ["a 20-digit $top", "/beta/servicePrincipals?$top=99999999999999999999"],
    ["$top twice", "/beta/servicePrincipals?$top=1&$top=2"],
    ["a forged $skiptoken", "/beta/servicePrincipals?$skiptoken=not-a-token"],
    ["1,000 $select fields", `/beta/servicePrincipals?$select=${"id,".repeat(1000)}`],
    ["2,000 nested parentheses", `/beta/servicePrincipals?$filter=${encodeURIComponent(`${"(".repeat(2000)}id eq 'x'${")".repeat(2000)}`)}`],
    ["500 or clauses", `/beta/servicePrincipals?$filter=${encodeURIComponent(`${"id eq 'x' or ".repeat(500)}id eq 'y'`)}`],
    ["an empty segment", "/beta//servicePrincipals"],
    ["500 segments", `/beta/servicePrincipals/${"x/".repeat(500)}`],
    ["a 5,000-character job id", `/beta/servicePrincipals/${SP.zoom}/synchronization/jobs/${"j".repeat(5000)}`],
    ["a NUL alternate key", "/beta/servicePrincipals(appId='%00')"],
    ["100 quotes in an alternate key", `/beta/servicePrincipals(appId='${"'".repeat(100)}')`],
    ["$batch/..", "/beta/$batch/.."],
    ["encoded dot segments towards the controls", "/beta/servicePrincipals/%2e%2e/%2e%2e/_emulator/reset"],
  ])("answers a URL with %s without a 5xx (Graph-shaped when an error)", async (_name, path) => {
    const answer = await http("GET", path);
    expect(answer.status).toBeLessThan(500);
    if (answer.status >= 400) graphError(answer.text);
  });

  it.each(["PUT", "PATCH", "DELETE", "POST", "PROPFIND", "TRACE", "MKCOL", "COPY"])("answers %s on read-only and unknown routes with a Graph-shaped 4xx", async (method) => {
    for (const path of ["/beta/servicePrincipals", `/beta/servicePrincipals/${SP.zoom}`, `/beta/servicePrincipals/${SP.zoom}/synchronization/templates`, "/beta/nope", "/v1.0/me"]) {
      const answer = await http(method, path, { headers: { "Content-Type": "application/json" }, body: method === "TRACE" ? undefined : "{}" });
      expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `${method} ${path}`).toBeLessThan(500);
      graphError(answer.text);
    }
    expect((await emu.call("GET", "/beta/servicePrincipals?$top=999")).body.value).toHaveLength(20);
  });

  it("answers control routes with unknown names and methods as errors", async () => {
    for (const [method, name] of [["GET", "nope"], ["PUT", "reset"], ["GET", "token"], ["PATCH", "faults"], ["POST", "requests"], ["GET", "faults/x/y"]]) {
      const result = await fetch(`${emu.url}/_emulator/${name}`, { method });
      expect([404, 405], `${method} ${name}`).toContain(result.status);
      graphError(await result.text());
    }
  });
});

describe("load and memory", () => {
  function gcFunction(): (() => void) | undefined {
    try {
      setFlagsFromString("--expose-gc");
      return runInNewContext("gc") as () => void;
    } catch {
      return undefined;
    }
  }

  /** 5,000 mixed requests through a pool of 128 keep-alive sockets; every answer must be Graph-shaped. */
  async function burst(agent: Agent, total: number): Promise<{ statuses: Map<number, number>; problems: string[] }> {
    const mix: [string, string, Record<string, string>?, string?][] = [
      ["GET", "/beta/servicePrincipals?$top=5&$select=id,displayName"],
      ["GET", `/beta/servicePrincipals/${SP.slack}/synchronization/jobs`],
      ["GET", `/v1.0/servicePrincipals/${SP.box}/synchronization/jobs/${encodeURIComponent(JOB.boxPaused)}`],
      ["GET", "/beta/servicePrincipals/not-a-guid"],
      ["GET", "/beta/nope/../../x"],
      ["POST", JOBS, { "Content-Type": "application/json" }, "{broken"],
      ["POST", JOBS, { "Content-Type": "text/plain" }, '{"templateId":"zoom"}'],
      ["PATCH", JOBS, { "Content-Type": "application/json" }, "{}"],
      ["GET", "/beta/servicePrincipals", { Authorization: "Bearer not.a.token" }],
      ["POST", "/beta/$batch", { "Content-Type": "application/json" }, JSON.stringify({ requests: [{ id: "1", method: "GET", url: "/servicePrincipals?$top=1" }] })],
    ];
    const statuses = new Map<number, number>();
    const problems: string[] = [];
    let next = 0;
    async function worker() {
      while (next < total) {
        const [method, path, headers, body] = mix[next++ % mix.length];
        try {
          const answer = await http(method, path, { headers, body, agent });
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status >= 500) problems.push(`${method} ${path}: ${answer.status}`);
          else if (answer.status >= 400) {
            const parsed = JSON.parse(answer.text) as { error?: { code?: string } };
            if (!parsed.error?.code) problems.push(`${method} ${path}: ${answer.status} without a Graph error`);
          } else JSON.parse(answer.text);
        } catch (error) {
          problems.push(`${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    // More workers than sockets: requests queue in the agent, so 5,000 are in flight at the client at once.
    await Promise.all(Array.from({ length: 512 }, worker));
    return { statuses, problems };
  }

  it("answers 5,000 concurrent requests, all Graph-shaped, with bounded heap and log", async () => {
    const gc = gcFunction();
    const agent = new Agent({ keepAlive: true, maxSockets: 128 });
    try {
      const warm = await burst(agent, 5_000);
      expect(warm.problems.slice(0, 10)).toEqual([]);
      gc?.();
      const before = process.memoryUsage().heapUsed;
      const started = performance.now();
      const measured = await burst(agent, 5_000);
      const seconds = (performance.now() - started) / 1000;
      gc?.();
      const after = process.memoryUsage().heapUsed;
      expect(measured.problems.slice(0, 10)).toEqual([]);
      expect([...measured.statuses.values()].reduce((a, b) => a + b, 0)).toBe(5_000);
      expect(measured.statuses.get(200)).toBeGreaterThanOrEqual(1_500);
      // The test process holds client and server: the second burst may not grow the heap by more than 64 MB
      // (with a real GC) or 160 MB (without one, where garbage is still counted).
      const growthMb = (after - before) / 1024 / 1024;
      expect(growthMb).toBeLessThan(gc ? 64 : 160);
      console.log(`5,000 requests in ${seconds.toFixed(2)} s (${Math.round(5000 / seconds)}/s); heap growth ${growthMb.toFixed(1)} MB (gc: ${Boolean(gc)}); statuses ${JSON.stringify(Object.fromEntries(measured.statuses))}`);
      const size = emu.instance.log.size();
      expect(size.entries).toBeLessThanOrEqual(MAX_LOGGED_REQUESTS);
      expect(size.entries).toBeGreaterThanOrEqual(5_000);
    } finally {
      agent.destroy();
    }
    await alive();
  });

  it("bounds the request log by entries and by path characters", () => {
    const log = new RequestLog();
    const entry = (path: string) => ({ requestId: "r", clientRequestId: "c", time: "t", method: "GET", path, status: 200, durationMs: 1 });
    for (let i = 0; i < MAX_LOGGED_REQUESTS + 500; i++) log.add(entry(`/beta/servicePrincipals?i=${i}`));
    expect(log.size().entries).toBe(MAX_LOGGED_REQUESTS);
    expect(log.list()[0].path).toBe("/beta/servicePrincipals?i=500");
    const long = `/beta/servicePrincipals?$filter=${"a".repeat(15_000)}`;
    for (let i = 0; i < 2_000; i++) log.add(entry(long));
    expect(log.size().pathChars).toBeLessThanOrEqual(MAX_LOGGED_PATH_CHARS);
    expect(log.size().pathChars).toBe(log.list().reduce((sum, e) => sum + e.path.length, 0));
    expect(log.list().at(-1)!.path).toBe(long);
    log.add(entry("x".repeat(MAX_LOGGED_PATH_CHARS + 1)));
    expect(log.size().entries).toBe(1);
    log.clear();
    expect(log.size()).toEqual({ entries: 0, pathChars: 0 });
  });

  it("keeps long URLs whole in the log but the log within its bound over HTTP", async () => {
    await emu.clearRequests();
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    try {
      const path = `/beta/servicePrincipals?$filter=displayName eq '${"q".repeat(12_000)}'`;
      let next = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next++ < 600) expect((await http("GET", encodeURI(path), { agent })).status).toBeLessThan(500);
        }),
      );
    } finally {
      agent.destroy();
    }
    const size = emu.instance.log.size();
    expect(size.pathChars).toBeLessThanOrEqual(MAX_LOGGED_PATH_CHARS);
    expect(size.entries).toBeLessThan(600);
    expect(emu.instance.log.list().at(-1)!.path.length).toBeGreaterThan(12_000);
  });
});
