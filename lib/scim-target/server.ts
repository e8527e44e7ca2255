import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { isIPv6 } from "node:net";
import { BearerCheck, isValidToken } from "./auth";
import { SCIM_TARGET_DEMO_TOKEN } from "./demo-token";
import { isLoopbackHost } from "./loopback";
import { buildDiscovery } from "./discovery";
import { ScimError, notFound } from "./errors";
import { answerClientError, hasBody, parseJsonBody, readBody, send, sendError } from "./http";
import { RequestLog, type ScimRequestRecord } from "./request-log";
import { BODY_METHODS, findRoute, type Target } from "./routes";
import { Store } from "./store";

export type { ScimRequestRecord } from "./request-log";

/**
 * The SCIM target: a strict SCIM 2.0 service provider (RFC 7643, RFC 7644) for Users (with the Enterprise User
 * extension) and Groups, in memory, behind one bearer token. See README.md in this folder.
 */
export interface ScimTargetOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. startScimTarget binds wherever it is told; `npm run scim-target` refuses non-loopback hosts. */
  host?: string;
  /** The bearer token clients must send; default SCIM_TARGET_DEMO_TOKEN. */
  token?: string;
}

export interface ScimTarget {
  /** The base URL, e.g. http://127.0.0.1:4020/scim/v2 (no trailing slash). */
  url: string;
  port: number;
  token: string;
  /** The requests received, oldest first (bounded: request-log.ts). Never holds the Authorization header or the token. */
  requests(): ScimRequestRecord[];
  clearRequests(): void;
  /** Empties the store (every User and Group). */
  reset(): void;
  /** Stops listening and closes every connection; leaves no timer or handle behind. */
  close(): Promise<void>;
}

export const BASE_PATH = "/scim/v2";
/** A request's headers and body must arrive within this time, else 408 and the connection closes. */
export const REQUEST_TIMEOUT_MS = 30_000;

export async function startScimTarget(options: ScimTargetOptions = {}): Promise<ScimTarget> {
  const host = options.host ?? "127.0.0.1";
  const token = options.token ?? SCIM_TARGET_DEMO_TOKEN;
  const requestedPort = options.port ?? 0;
  if (!isValidToken(token)) throw new TypeError("The SCIM target token must be a non-empty bearer token (RFC 6750 b64token: letters, digits and -._~+/, then optional '=').");
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65_535) throw new RangeError(`The port must be an integer from 0 to 65535, not ${requestedPort}.`);

  const store = new Store();
  const log = new RequestLog(token);
  const bearer = new BearerCheck(token);
  const target: Target = { store, base: "", discovery: buildDiscovery("") };
  /**
   * Bound to loopback, only loopback names are served: a DNS-rebinding page (evil.example resolved to 127.0.0.1)
   * sends its own name, and with the public demo token could otherwise read and change the data.
   */
  const checkHost = (value: string | undefined) => {
    if (!isLoopbackHost(host)) return;
    const match = /^(.*):(\d+)$/.exec(value ?? "");
    if (!match || !isLoopbackHost(match[1]) || Number(match[2]) !== port) throw new ScimError(403, undefined, `The Host header '${value ?? ""}' is not accepted: this SCIM target serves 127.0.0.1, localhost and [::1] only.`);
  };
  let port = requestedPort;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    let body: unknown;
    let bodySize = 0;
    res.once("finish", () => log.add(method, req.url ?? "", res.statusCode, body, bodySize));
    try {
      checkHost(req.headers.host);
      bearer.check(req);
      const url = new URL(req.url ?? "/", "http://scim-target.invalid");
      const route = url.pathname.startsWith(`${BASE_PATH}/`) ? findRoute(segments(url.pathname.slice(BASE_PATH.length + 1))) : undefined;
      if (!route) throw notFound(`There is no SCIM endpoint at '${url.pathname}' (the base URL is ${target.base}).`);
      const allowed = route.allow.includes(method);
      if (!allowed) throw new ScimError(405, undefined, `${method} is not allowed on '${url.pathname}'.`, { Allow: route.allow.join(", ") });
      if (BODY_METHODS.has(method)) {
        const raw = await readBody(req);
        bodySize = raw.length;
        body = parseJsonBody(raw, req.headers["content-type"]);
      }
      const header = (name: string) => (typeof req.headers[name] === "string" ? (req.headers[name] as string) : undefined);
      const answer = await route.run({ method, query: url.searchParams, ifMatch: header("if-match"), ifNoneMatch: header("if-none-match"), body }, target);
      send(res, answer.status, answer.body, answer.headers);
    } catch (error) {
      const scim = error instanceof ScimError ? error : new ScimError(500, undefined, "An internal error occurred in the SCIM target.");
      if (!(error instanceof ScimError)) console.error("[scim-target] unexpected error", error);
      // A body left unread (refused before reading it, or too large) closes the connection rather than being drained.
      const unread = hasBody(req) && !req.readableEnded;
      sendError(res, unread ? new ScimError(scim.status, scim.scimType, scim.message, { ...scim.headers, Connection: "close" }) : scim);
    }
  }

  const server = createServer(
    {
      requestTimeout: REQUEST_TIMEOUT_MS,
      headersTimeout: REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: 1_000,
      requireHostHeader: false,
    },
    (req, res) => {
      handle(req, res).catch((error) => {
        console.error("[scim-target] unhandled", error);
        if (!res.headersSent) sendError(res, new ScimError(500, undefined, "An internal error occurred in the SCIM target."));
        else res.destroy();
      });
    },
  );
  server.on("clientError", answerClientError);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(requestedPort, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  port = typeof address === "object" && address ? address.port : requestedPort;
  const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : isIPv6(host) ? `[${host}]` : host;
  target.base = `http://${shownHost}:${port}${BASE_PATH}`;
  target.discovery = buildDiscovery(target.base);

  let closing: Promise<void> | undefined;
  return {
    url: target.base,
    port,
    token,
    requests: () => log.records(),
    clearRequests: () => log.clear(),
    reset: () => store.reset(),
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}

/** Path segments after the base path, percent-decoded; an undecodable one names nothing. */
function segments(path: string): string[] {
  return path.split("/").map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return "\u0000";
    }
  });
}
