import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { signingKey } from "./auth/keys";
import { handleControl } from "./controls/router";
import { handleIdentityRequest } from "./identity/router";
import { parseJsonBody, readBody } from "./http/body";
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
  await signingKey();
  const instance = new EmulatorInstance({ scale: options.scale, clockSpeed: options.clockSpeed });
  const host = options.host ?? "127.0.0.1";
  let origin = "";
  const sockets = new Set<Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
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
      const body = raw.length ? parseJsonBody(raw, "application/json") : undefined;
      const segments = url.pathname.split("/").slice(2).filter(Boolean);
      const result = await handleControl((req.method ?? "GET").toUpperCase(), segments, body, instance);
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
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 0);
  const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  origin = `http://${shownHost}:${port}`;

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
