import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startRoundRobinProxy, type RoundRobinProxy } from "./round-robin-proxy";

/** A promise with its resolve, for steps one side waits on until the other side has seen something. */
function signal<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function upstream(name: string, handle?: (req: IncomingMessage, res: ServerResponse) => boolean): Promise<string> {
  const server: Server = createServer((req, res) => {
    if (handle?.(req, res)) return;
    res.writeHead(200, { "Content-Type": "application/json", "X-Replica": name });
    res.end(JSON.stringify({ name, host: req.headers.host, forwarded: [req.headers["x-forwarded-host"], req.headers["x-forwarded-proto"], req.headers["x-forwarded-for"]] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function proxyTo(upstreams: string[]): Promise<RoundRobinProxy> {
  const proxy = await startRoundRobinProxy({ upstreams, logLimit: 4 });
  closers.push(() => proxy.close());
  return proxy;
}

const nameAt = async (url: string, init?: RequestInit) => ((await (await fetch(url, init)).json()) as { name: string }).name;

describe("round-robin proxy", () => {
  it("alternates between the replicas, passes Host through with X-Forwarded-Host/Proto/For, and logs each request", async () => {
    const proxy = await proxyTo([await upstream("A"), await upstream("B")]);
    const names = [];
    for (let i = 0; i < 4; i++) names.push(await nameAt(`${proxy.url}/page/${i}`));
    expect(names).toEqual(["A", "B", "A", "B"]);

    const answer = (await (await fetch(`${proxy.url}/x`, { headers: { "X-Forwarded-Host": "evil.example" } })).json()) as { host: string; forwarded: string[] };
    expect(answer.host).toBe(`127.0.0.1:${proxy.port}`);
    expect(answer.forwarded).toEqual([`127.0.0.1:${proxy.port}`, "http", "127.0.0.1"]);

    await fetch(`${proxy.url}/action`, { method: "POST", headers: { "Next-Action": "abc" }, body: "[]" });
    // Bounded: only the last 4 of 6 requests are kept.
    expect(proxy.log()).toEqual([
      { method: "GET", path: "/page/2", isServerAction: false, replica: 0, status: 200 },
      { method: "GET", path: "/page/3", isServerAction: false, replica: 1, status: 200 },
      { method: "GET", path: "/x", isServerAction: false, replica: 0, status: 200 },
      { method: "POST", path: "/action", isServerAction: true, replica: 1, status: 200 },
    ]);
    expect(proxy.served()).toEqual([3, 3]);
  });

  it("pins every request to one replica until unpinned", async () => {
    const proxy = await proxyTo([await upstream("A"), await upstream("B")]);
    proxy.pin(1);
    expect([await nameAt(proxy.url), await nameAt(proxy.url), await nameAt(proxy.url)]).toEqual(["B", "B", "B"]);
    proxy.pin(null);
    expect(new Set([await nameAt(proxy.url), await nameAt(proxy.url)])).toEqual(new Set(["A", "B"]));
    expect(() => proxy.pin(2)).toThrow(/no replica 2/);
  });

  it("streams the reply: the client reads the first line before the replica writes the second", async () => {
    const clientSawFirst = signal();
    const proxy = await proxyTo([
      await upstream("A", (req, res) => {
        res.writeHead(200, { "Content-Type": "application/x-ndjson" });
        res.write('{"progress":1}\n');
        void clientSawFirst.promise.then(() => res.end('{"done":true}\n'));
        return true;
      }),
    ]);
    const response = await fetch(proxy.url, { method: "POST", body: "{}" });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('{"progress":1}\n');
    clientSawFirst.resolve();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe('{"done":true}\n');
  }, 5_000);

  it("streams the request body: the replica reads the first part before the client sends the second", async () => {
    const replicaSawFirst = signal<string>();
    const proxy = await proxyTo([
      await upstream("A", (req, res) => {
        let body = "";
        req.on("data", (chunk: Buffer) => {
          body += chunk.toString();
          replicaSawFirst.resolve(body);
        });
        req.on("end", () => res.end(body));
        return true;
      }),
    ]);
    const reply = signal<string>();
    const outgoing = request(`${proxy.url}/upload`, { method: "POST" }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => reply.resolve(text));
    });
    outgoing.write("first,");
    expect(await replicaSawFirst.promise).toBe("first,");
    outgoing.end("second");
    expect(await reply.promise).toBe("first,second");
  }, 5_000);

  it("answers 502 with a plain message when a replica is down, and logs it", async () => {
    const down = await upstream("gone");
    await closers.pop()!();
    const proxy = await proxyTo([await upstream("A"), down]);
    expect(await nameAt(proxy.url)).toBe("A");
    const response = await fetch(`${proxy.url}/sp`);
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe(`Bad gateway: replica 1 (${down}) did not answer (ECONNREFUSED).\n`);
    expect(proxy.log().at(-1)).toEqual({ method: "GET", path: "/sp", isServerAction: false, replica: 1, status: 502, error: "ECONNREFUSED" });
  });

  it("closes an idle upstream connection itself, before the replica's announced keep-alive timeout", async () => {
    const closedBy = signal<"proxy" | "replica">();
    const server = createServer((req, res) => res.end("ok"));
    server.keepAliveTimeout = 2_000; // announced as Keep-Alive: timeout=2
    server.on("connection", (socket) => {
      let peerEnded = false;
      socket.on("end", () => (peerEnded = true));
      socket.on("close", () => closedBy.resolve(peerEnded ? "proxy" : "replica"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const proxy = await proxyTo([`http://127.0.0.1:${(server.address() as AddressInfo).port}`]);
    expect(await (await fetch(proxy.url)).text()).toBe("ok");
    // A socket the replica closes could be reused by a request at that very moment: ECONNRESET, a 502.
    expect(await closedBy.promise).toBe("proxy");
  }, 5_000);

  it("refuses an upstream that is not an http loopback origin", async () => {
    await expect(startRoundRobinProxy({ upstreams: ["http://10.0.0.1:3000"] })).rejects.toThrow(/not an http:\/\/127\.0\.0\.1:PORT origin/);
  });
});
