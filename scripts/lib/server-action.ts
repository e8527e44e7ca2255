import { readFileSync } from "node:fs";
import path from "node:path";

/** The id Next gave a server action in the current build (`.next/server/server-reference-manifest.json`). */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, action]) => action.filename === filename && action.exportedName === exportedName);
  if (!entry) throw new Error(`No server action ${exportedName} from ${filename} in this build; run npm run build.`);
  return entry[0];
}

/**
 * Calls a server action over HTTP the way the browser does (POST to a page with `Next-Action`, arguments as
 * a JSON array) and returns the action's return value, decoded from the RSC reply.
 */
export async function callServerAction<T>(pageUrl: string, actionId: string, args: unknown[]): Promise<{ status: number; value: T }> {
  const response = await fetch(pageUrl, {
    method: "POST",
    headers: { "Next-Action": actionId, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  const rows = flightRows(Buffer.from(text, "utf8"));
  const head = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
  const pointer = head?.a?.startsWith("$@") ? head.a.slice(2) : undefined;
  const raw = pointer === undefined ? undefined : rows.get(pointer);
  if (raw === undefined) throw new Error(`Unexpected server action reply (HTTP ${response.status}): ${text.slice(0, 200)}`);
  // A long string is sent as its own text row and referenced as "$<row id>".
  const value = JSON.parse(raw, (_key, item: unknown) => (typeof item === "string" && /^\$[0-9a-f]+$/.test(item) && rows.has(item.slice(1)) ? rows.get(item.slice(1)) : item)) as T;
  return { status: response.status, value };
}

/**
 * The rows of a flight reply: `<id>:<json>\n`, or `<id>:T<byte length in hex>,<text>` for a text row, which has no
 * line break after it (its length says where it ends).
 */
function flightRows(reply: Buffer): Map<string, string> {
  const rows = new Map<string, string>();
  let at = 0;
  while (at < reply.length) {
    const colon = reply.indexOf(":", at);
    if (colon < 0) break;
    const id = reply.subarray(at, colon).toString("utf8").trim();
    if (reply[colon + 1] === 0x54 /* T */) {
      const comma = reply.indexOf(",", colon);
      const length = parseInt(reply.subarray(colon + 2, comma).toString("utf8"), 16);
      rows.set(id, reply.subarray(comma + 1, comma + 1 + length).toString("utf8"));
      at = comma + 1 + length;
    } else {
      const end = reply.indexOf("\n", colon);
      rows.set(id, reply.subarray(colon + 1, end < 0 ? reply.length : end).toString("utf8"));
      at = end < 0 ? reply.length : end + 1;
    }
  }
  return rows;
}
