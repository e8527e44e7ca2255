import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { signingKey } from "./auth/keys";
import { handleControl } from "./controls/router";
import { handleIdentityRequest } from "./identity/router";
import { AccessPolicy, consoleOrigins, isLoopbackAddress, isWildcardAddress } from "./http/access";
import { readBody } from "./http/body";
import { answerClientError } from "./http/clientError";
import { answerPreflight, applyCors } from "./http/cors";
import { GraphError, errorBody } from "./http/errors";
import { handleGraph } from "./http/graphHandler";
import { send } from "./http/send";
import { EmulatorInstance } from "./instance";

/**
 * The emulator's HTTP server: Graph at `/v1.0` and `/beta`, controls at `/_emulator`, and the identity
 * provider (lib/emulator/identity) for every other path. Port 0 picks a free port.
 */
export interface StartOptions {
  port?: number;
  host?: string;
  scale?: number;
  clockSpeed?: number;
  /**
   * A request's headers and body must arrive within this time (default 30 s), else 408 and the connection
   * is closed: a body that never ends holds a socket for a bounded time only. Checked every second.
   */
  requestTimeoutMs?: number;
  /**
   * The console's origin (`http://127.0.0.1:3000`), or several: besides the emulator's own origin, the only
   * browser origins allowed to call it (http/access.ts). A loopback origin also admits its other loopback
   * spellings on the same port. Without it, only the emulator's own origin is allowed.
   */
  consoleOrigin?: string | readonly string[];
  /**
   * Listening on a non-loopback address puts the unauthenticated token mint on the network: refused unless
   * this is true (EMULATOR_ALLOW_REMOTE=1); then a warning is printed and the bind address is an accepted Host.
   */
  allowRemote?: boolean;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface RunningEmulator {
  url: string;
  port: number;
  instance: EmulatorInstance;
  close(): Promise<void>;
}

const GRAPH_PATH = /^\/(v1\.0|beta)(\/|$)/;

export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const remote = !isLoopbackAddress(host);
  if (remote && !options.allowRemote)
    throw new Error(`Refusing to listen on '${host}', which is not a loopback address: anyone who can reach it could mint admin tokens. Use 127.0.0.1, or allow it explicitly (allowRemote / EMULATOR_ALLOW_REMOTE=1).`);
  const allowedConsoleOrigins = consoleOrigins(options.consoleOrigin);
  await signingKey();
  const instance = new EmulatorInstance({ scale: options.scale, clockSpeed: options.clockSpeed });
  let origin = "";
  let access: AccessPolicy | undefined;
  const sockets = new Set<Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Host and Origin first (http/access.ts): a refused request is answered 403 and changes nothing.
    const refusal = access!.check(req); // set when listening, before any connection
    if (refusal) return send(res, refusal.status, errorBody(refusal.code, refusal.message, "", ""), { Connection: "close" }); // its body is not read
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://emulator.invalid");
    } catch {
      return send(res, 400, errorBody("BadRequest", "The request URL is not valid.", "", ""));
    }
    const isGraph = GRAPH_PATH.test(url.pathname);
    const isControl = url.pathname === "/_emulator" || url.pathname.startsWith("/_emulator/");
    if (!isGraph && !isControl) {
      if (await handleIdentityRequest(req, res, url)) return;
      return send(res, 404, errorBody("NotFound", `No resource at '${url.pathname}'.`, "", ""));
    }
    applyCors(req, res);
    if (req.method === "OPTIONS") return answerPreflight(req, res);
    if (isGraph) return handleGraph(req, res, url, instance, origin);
    try {
      const raw = await readBody(req);
      const contentType = typeof req.headers["content-type"] === "string" ? req.headers["content-type"] : undefined;
      const segments = url.pathname.split("/").slice(2).filter(Boolean);
      const result = await handleControl((req.method ?? "GET").toUpperCase(), segments, { raw, contentType }, instance);
      send(res, result.status, result.body);
    } catch (error) {
      const e = error instanceof GraphError ? error : new GraphError(500, "generalException", "An internal server error occurred.");
      if (!(error instanceof GraphError)) console.error("[emulator] unexpected error", error);
      send(res, e.status, errorBody(e.code, e.message, "", ""), e.headers);
    }
  }

  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const serverOptions = {
    requestTimeout,
    headersTimeout: Math.min(requestTimeout, 60_000),
    connectionsCheckingInterval: Math.min(1_000, requestTimeout),
    // Node would answer a request without Host (or whose Host fell past the 1,000-header limit) with a bare 400.
    requireHostHeader: false,
  };
  const server = createServer(serverOptions, (req, res) => {
    handle(req, res).catch((error) => {
      console.error("[emulator] unhandled", error);
      send(res, 500, errorBody("generalException", "An internal server error occurred.", "", ""));
    });
  });
  server.keepAliveTimeout = 65_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("clientError", answerClientError);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : (options.port ?? 0);
      access = new AccessPolicy({ port, bindHost: host, remote, consoleOrigins: allowedConsoleOrigins });
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 0);
  const shownHost = isWildcardAddress(host) ? "127.0.0.1" : host.includes(":") ? `[${host.replace(/^\[|\]$/g, "")}]` : host;
  origin = `http://${shownHost}:${port}`;
  if (remote)
    console.warn(
      `[emulator] WARNING: listening on ${host} port ${port}, reachable from other machines (EMULATOR_ALLOW_REMOTE=1). ` +
        "Anyone who can reach it can mint admin tokens (POST /_emulator/token) and reset or fault it: there is no authentication. " +
        `Accepted Host names: ${[...access!.hosts].join(", ")}.`,
    );

  return {
    url: origin,
    port,
    instance,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
