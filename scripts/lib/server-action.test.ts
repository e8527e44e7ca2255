import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callServerAction } from "./server-action";

let reply = "";
let url = "";
const server = createServer((_req, res) => res.end(reply));
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/page`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("callServerAction", () => {
  it("reads the return value the first row points at", async () => {
    reply = '0:{"a":"$@1","q":"","i":false}\n1:{"ok":true,"data":{"id":"job-1"}}\n';
    expect((await callServerAction(url, "id", [])).value).toEqual({ ok: true, data: { id: "job-1" } });
  });

  it("puts a long string sent as a text row (no line break after it, length in UTF-8 bytes) back in its place", async () => {
    const text = '{"action":"Create","détail":"ü"}';
    reply = `0:{"a":"$@1","q":"","i":false}\n2:T${Buffer.byteLength(text).toString(16)},${text}1:{"ok":true,"data":{"key":"Result","value":"$2"}}\n`;
    expect((await callServerAction(url, "id", [])).value).toEqual({ ok: true, data: { key: "Result", value: text } });
  });
});
