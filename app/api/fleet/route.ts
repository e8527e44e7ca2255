import { asGraphErrorInfo } from "@/lib/actions/action-result";
import { graphToken, graphWithToken, inputProblem, toActionError } from "@/lib/actions/run-graph-action";
import { SERVER_FLEET_CONCURRENCY, scanFleet, type FleetProgress } from "@/lib/graph/fleet";
import { encodeFleetEvent, FLEET_STREAM_TYPE, slimFleetScan } from "@/lib/graph/fleet-wire";
import type { GraphErrorInfo } from "@/lib/graph/graph-error";

/** Progress lines at most this often (a 5,000-SP scan finishes ~250 batches). */
const PROGRESS_EVERY_MS = 100;

/**
 * The tenant-wide fleet scan, run here rather than in the browser: a browser opens at most 6 HTTP/1.1
 * connections to one host, the server keeps SERVER_FLEET_CONCURRENCY `$batch` calls in flight.
 * `Authorization: Bearer <Graph token>` in, NDJSON out (lib/graph/fleet-wire). Like the server actions, the
 * token is only forwarded to Graph: never validated, logged or echoed.
 */
export async function POST(request: Request): Promise<Response> {
  const header = request.headers.get("authorization") ?? "";
  const checked = graphToken.safeParse(header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "");
  if (!checked.success) {
    const error: GraphErrorInfo = { kind: "unauthenticated", status: 401, code: "InvalidAuthenticationToken", message: inputProblem(checked.error, "token").message };
    return Response.json({ error }, { status: 401 });
  }
  const token = checked.data;
  const abort = new AbortController();
  request.signal.addEventListener("abort", () => abort.abort(), { once: true });

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const encoder = new TextEncoder();
      const send = (line: string) => {
        if (!abort.signal.aborted) controller.enqueue(encoder.encode(line));
      };
      let lastProgressAt = 0;
      const onProgress = (progress: FleetProgress) => {
        const now = Date.now();
        if (now - lastProgressAt < PROGRESS_EVERY_MS) return;
        lastProgressAt = now;
        send(encodeFleetEvent({ type: "progress", progress }));
      };
      try {
        const scan = await scanFleet(graphWithToken(token), { concurrency: SERVER_FLEET_CONCURRENCY, signal: abort.signal, onProgress });
        send(encodeFleetEvent({ type: "result", scan: slimFleetScan(scan) }));
      } catch (error) {
        send(encodeFleetEvent({ type: "error", error: asGraphErrorInfo(toActionError(error, token, false)) }));
      }
      if (!abort.signal.aborted) controller.close();
    },
    cancel() {
      abort.abort();
    },
  });
  return new Response(body, { headers: { "content-type": FLEET_STREAM_TYPE, "cache-control": "no-store" } });
}
