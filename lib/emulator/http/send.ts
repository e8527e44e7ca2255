import type { ServerResponse } from "node:http";

export const JSON_CONTENT_TYPE = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

/** Writes a result: JSON bodies as Graph types them, strings as given, 204/202 without body when none. */
export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === "content-type");
  if (body === undefined) {
    res.writeHead(status, { ...headers, "Content-Length": "0" });
    res.end();
    return;
  }
  const text = typeof body === "string" && hasType ? body : JSON.stringify(body);
  res.writeHead(status, { ...(hasType ? {} : { "Content-Type": JSON_CONTENT_TYPE }), ...headers, "Content-Length": String(Buffer.byteLength(text)) });
  res.end(text);
}
