import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** A programmable HTTP endpoint for connector tests: every request is recorded and answered by `respond`. */
export interface StubRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface StubAnswer {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as application/scim+json; a string as is (set its content type in `headers`). */
  body?: unknown;
  /** Send the headers and half the body, then nothing more (the connection stays open until the client gives up). */
  stall?: boolean;
}

export interface ScimStub {
  url: string;
  requests: StubRequest[];
  close(): Promise<void>;
}

export async function startScimStub(respond: (request: StubRequest) => StubAnswer | Promise<StubAnswer>): Promise<ScimStub> {
  const requests: StubRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const request = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body: text ? JSON.parse(text) : undefined };
    requests.push(request);
    const answer = await respond(request);
    const json = answer.body !== undefined && typeof answer.body !== "string";
    res.writeHead(answer.status, { ...(json ? { "Content-Type": "application/scim+json" } : {}), ...answer.headers });
    const sent = answer.body === undefined ? "" : json ? JSON.stringify(answer.body) : String(answer.body);
    if (answer.stall) res.write(sent.slice(0, Math.ceil(sent.length / 2)));
    else res.end(sent || undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/scim/v2`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A SCIM ListResponse (RFC 7644 §3.4.2). */
export const listResponse = (resources: unknown[] = []) => ({
  schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
  totalResults: resources.length,
  Resources: resources,
  startIndex: 1,
  itemsPerPage: resources.length,
});

/** A SCIM error (RFC 7644 §3.12). */
export const scimError = (status: number, detail: string, scimType?: string) => ({
  schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
  status: String(status),
  ...(scimType ? { scimType } : {}),
  detail,
});
