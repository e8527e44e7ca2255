import type { GraphErrorInfo } from "@/lib/graph/graph-error";
import { checkBearerHeader } from "@/lib/server/graph-for-token";
import { streamFleetScan } from "@/lib/server/fleet-stream";

/**
 * The tenant-wide fleet scan (the Jobs view), run on the console's server: `Authorization: Bearer <Graph
 * token>` in, NDJSON progress and result out (lib/fleet/wire).
 */
export async function POST(request: Request): Promise<Response> {
  const token = checkBearerHeader(request.headers.get("authorization"));
  if (!token.ok) {
    const error: GraphErrorInfo = { kind: "unauthenticated", status: 401, code: "InvalidAuthenticationToken", message: token.error.message };
    return Response.json({ error }, { status: 401 });
  }
  return streamFleetScan(token.data, request.signal);
}
