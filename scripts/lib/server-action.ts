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
  // The flight reply is one row per line, `<id>:<json>`; row 0 points at the row holding the return value.
  const rows = new Map(
    text
      .split("\n")
      .map((line) => /^([0-9a-f]+):(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1], match[2]] as const),
  );
  const head = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
  const pointer = head?.a?.startsWith("$@") ? head.a.slice(2) : undefined;
  const raw = pointer === undefined ? undefined : rows.get(pointer);
  if (raw === undefined) throw new Error(`Unexpected server action reply (HTTP ${response.status}): ${text.slice(0, 200)}`);
  return { status: response.status, value: JSON.parse(raw) as T };
}
