import { Agent, createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback-only reverse proxy that spreads requests round-robin over several console replicas (the two-replica
 * proof and `npm run load -- --replicas N`). Bodies stream both ways (NDJSON from POST /api/fleet, server-action
 * replies). `pin(i)` sends every following request to replica i until `pin(null)`.
 *
 * Host: passed through unchanged, and X-Forwarded-Host set to the same value. Next 16 refuses a server action whose
 * `Origin` host differs from X-Forwarded-Host when that header is present, else from Host
 * (next/dist/server/app-render/action-handler.js, parseHostHeader). The browser's Origin names this proxy, so both
 * headers must name it too: rewriting Host to the replica's `127.0.0.1:<replica port>` without X-Forwarded-Host
 * would make every action fail as a CSRF attempt. A client's own X-Forwarded-* headers are replaced, not trusted.
 */
export interface ProxiedRequest {
  method: string;
  path: string;
  /** The request carried `Next-Action` (a server action POST). */
  isServerAction: boolean;
  /** Index into `upstreams`. */
  replica: number;
  /** The replica's status, or 502 when it could not be reached. */
  status: number;
  /** Why the replica could not be reached (the 502's cause: ECONNREFUSED, ECONNRESET…). */
  error?: string;
}

export interface RoundRobinProxy {
  url: string;
  port: number;
  /** The most recent requests, oldest first (at most `logLimit`). */
  log(): ProxiedRequest[];
  clearLog(): void;
  /** Requests sent to each replica since the start (not bounded by the log). */
  served(): number[];
  /** Every following request goes to replica `index`; `null` goes back to round-robin. */
  pin(index: number | null): void;
  close(): Promise<void>;
}

export interface ProxyOptions {
  /** `http://127.0.0.1:PORT` origins of the replicas. */
  upstreams: string[];
  /** 0 (default) picks a free port. */
  port?: number;
  logLimit?: number;
}

/** Below the replicas' keep-alive timeout (Node's default, 5 s). */
const UPSTREAM_IDLE_MS = 4_000;
const LOOPBACK_ORIGIN = /^http:\/\/(127(?:\.\d{1,3}){3}|localhost):\d{1,5}$/;
// RFC 9110 §7.6.1: meaningful for one connection only; Node sets its own for each side.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade"]);

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const named = new Set((typeof headers.connection === "string" ? headers.connection : "").split(",").map((name) => name.trim().toLowerCase()));
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !named.has(name)));
}

function forwardedHeaders(req: IncomingMessage): IncomingHttpHeaders {
  const headers = withoutHopByHop(req.headers);
  for (const name of Object.keys(headers)) if (name.startsWith("x-forwarded-")) delete headers[name];
  headers["x-forwarded-for"] = req.socket.remoteAddress ?? "127.0.0.1";
  headers["x-forwarded-proto"] = "http";
  if (req.headers.host) headers["x-forwarded-host"] = req.headers.host;
  return headers;
}

export async function startRoundRobinProxy({ upstreams, port = 0, logLimit = 5_000 }: ProxyOptions): Promise<RoundRobinProxy> {
  if (!upstreams.length) throw new Error("round-robin proxy: no upstreams.");
  for (const upstream of upstreams) if (!LOOPBACK_ORIGIN.test(upstream)) throw new Error(`round-robin proxy: upstream '${upstream}' is not an http://127.0.0.1:PORT origin.`);
  const targets = upstreams.map((upstream) => new URL(upstream));
  // An idle upstream socket must close on our side before the replica closes it: a request sent on a socket the
  // replica is closing at that moment fails with ECONNRESET (a few 502s per minute under `npm run load`). Node's
  // agent only honours the replica's `Keep-Alive: timeout=5` hint (closing 1 s early) when it has a timeout itself.
  const agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: UPSTREAM_IDLE_MS });
  let entries: ProxiedRequest[] = [];
  const served = targets.map(() => 0);
  let next = 0;
  let pinned: number | null = null;

  const record = (entry: ProxiedRequest) => {
    entries.push(entry);
    if (entries.length > logLimit) entries = entries.slice(-logLimit);
  };

  function forward(req: IncomingMessage, res: ServerResponse): void {
    const replica = pinned ?? next++ % targets.length;
    const target = targets[replica];
    served[replica]++;
    const entry = { method: req.method ?? "GET", path: req.url ?? "/", isServerAction: req.headers["next-action"] !== undefined, replica };
    const upstream = request({ agent, host: target.hostname, port: target.port, method: req.method, path: req.url, headers: forwardedHeaders(req) }, (answer) => {
      record({ ...entry, status: answer.statusCode ?? 502 });
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.headers));
      res.flushHeaders();
      answer.pipe(res);
      answer.on("error", () => res.destroy());
    });
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      if (res.headersSent) return void res.destroy();
      const cause = error.code ?? error.message;
      record({ ...entry, status: 502, error: cause });
      res.writeHead(502, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
      res.end(`Bad gateway: replica ${replica} (${target.origin}) did not answer (${cause}).\n`);
    });
    // The browser went away: stop the replica's work for it too.
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  }

  const server = createServer(forward);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    log: () => [...entries],
    clearLog: () => void (entries = []),
    served: () => [...served],
    pin(index) {
      if (index !== null && !(Number.isInteger(index) && index >= 0 && index < targets.length)) throw new Error(`round-robin proxy: no replica ${index}.`);
      pinned = index;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
