import { createFleetScanHandler } from "@/lib/server/fleet-scan-handler";

/**
 * The tenant-wide fleet scan (the Jobs view, the Overview, People), run on the console's server:
 * `Authorization: Bearer <Graph token>` in, NDJSON progress and result out (lib/fleet/wire).
 */
export const POST = createFleetScanHandler();
