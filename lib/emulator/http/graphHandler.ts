import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { verifyGraphAuthorization } from "../auth/tokens";
import type { Fault } from "../controls/faults";
import { dispatchGraph } from "../graph/router";
import type { GraphRequest, GraphResult, GraphVersion } from "../graph/types";
import type { EmulatorInstance } from "../instance";
import { parseJsonBody, readBody } from "./body";
import { GraphError, badRequest, errorBody } from "./errors";
import { send } from "./send";

/** One HTTP request to `/v1.0/...` or `/beta/...`: faults, body, token, dispatch, envelope, log. */
const UNAUTHENTICATED: Record<string, string> = {
  missing: "Access token is empty.",
  expired: "Lifetime validation failed, the token is expired.",
  invalid: "Access token validation failure. Invalid audience, issuer or signature.",
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function faultResult(fault: Fault, requestId: string, clientRequestId: string): GraphResult {
  const status = fault.status!;
  const [code, message] =
    status === 429
      ? ["TooManyRequests", "Too many requests. Retry after the time given in the Retry-After header."]
      : status === 503
        ? ["serviceNotAvailable", "The service is temporarily unavailable. Please retry later."]
        : ["generalException", "An internal server error occurred."];
  const headers: Record<string, string> = fault.retryAfter !== undefined ? { "Retry-After": String(fault.retryAfter) } : {};
  return { status, headers, body: errorBody(code, message, requestId, clientRequestId) };
}

function decodeSegments(pathname: string): string[] {
  try {
    const segments = pathname.split("/").slice(2).map((segment) => decodeURIComponent(segment));
    if (segments.at(-1) === "") segments.pop();
    return segments;
  } catch {
    throw badRequest("The request URL is not valid: bad percent-encoding.");
  }
}

function origin(req: IncomingMessage, fallback: string): string {
  const host = req.headers.host;
  return typeof host === "string" && /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? `http://${host}` : fallback;
}

export async function handleGraph(req: IncomingMessage, res: ServerResponse, url: URL, emulator: EmulatorInstance, fallbackOrigin: string): Promise<void> {
  const started = performance.now();
  const method = (req.method ?? "GET").toUpperCase();
  const requestId = randomUUID();
  const header = req.headers["client-request-id"];
  const clientRequestId = typeof header === "string" && header.length <= 200 ? header : requestId;
  const version = url.pathname.split("/")[1] as GraphVersion;
  const unversioned = url.pathname.slice(version.length + 1) || "/";
  let appliedFault: Fault | null = null;
  res.setHeader("request-id", requestId);
  res.setHeader("client-request-id", clientRequestId);
  res.setHeader("x-ms-ags-diagnostic", JSON.stringify({ ServerInfo: { DataCenter: "Emulator", Slice: "E", Ring: "0", ScaleUnit: "000" } }));
  res.setHeader("OData-Version", "4.0");
  res.on("close", () => {
    emulator.log.add({
      requestId,
      clientRequestId,
      time: new Date(Date.now() - (performance.now() - started)).toISOString(),
      method,
      path: `${url.pathname}${url.search}`,
      status: res.writableFinished ? res.statusCode : 0,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(appliedFault ? { fault: appliedFault.id } : {}),
    });
  });

  const reply = (result: GraphResult) => send(res, result.status, result.body, result.headers);
  const replyError = (error: unknown) => {
    const graphError = error instanceof GraphError ? error : new GraphError(500, "generalException", "An internal server error occurred.");
    if (!(error instanceof GraphError)) console.error("[emulator] unexpected error", error);
    const headers = { ...graphError.headers };
    if (graphError.status === 401 && graphError.code === "InvalidAuthenticationToken")
      headers["WWW-Authenticate"] = 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';
    reply({ status: graphError.status, headers, body: errorBody(graphError.code, graphError.message, requestId, clientRequestId) });
  };

  try {
    appliedFault = emulator.faults.match(method, [url.pathname, unversioned]);
    if (appliedFault?.latencyMs) await sleep(appliedFault.latencyMs);
    if (appliedFault?.reset) {
      req.socket.destroy();
      return;
    }
    if (appliedFault?.status) return reply(faultResult(appliedFault, requestId, clientRequestId));

    const raw = await readBody(req);
    const caller = await verifyGraphAuthorization(typeof req.headers.authorization === "string" ? req.headers.authorization : undefined);
    if (!caller.ok) throw new GraphError(401, "InvalidAuthenticationToken", UNAUTHENTICATED[caller.reason]);
    const contentType = typeof req.headers["content-type"] === "string" ? req.headers["content-type"] : undefined;
    const graphRequest: GraphRequest = {
      method,
      version,
      segments: decodeSegments(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      body: parseJsonBody(raw, contentType),
      rawBody: raw,
      contentType,
      scopes: caller.scopes,
      caller: { oid: caller.oid, name: caller.name, upn: caller.upn, appId: caller.appId, ipAddress: (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "") },
      origin: origin(req, fallbackOrigin),
    };
    const result = await dispatchGraph(graphRequest, emulator.state, async (sub) => {
      const subPath = `/${sub.segments.map(encodeURIComponent).join("/")}`;
      const fault = emulator.faults.match(sub.method, [`/${version}${subPath}`, subPath]);
      if (fault?.latencyMs) await sleep(fault.latencyMs);
      const subRequestId = randomUUID();
      return fault?.status ? faultResult(fault, subRequestId, clientRequestId) : null;
    });
    if (appliedFault?.resetAfter) {
      req.socket.destroy();
      return;
    }
    reply(result);
  } catch (error) {
    replyError(error);
  }
}
