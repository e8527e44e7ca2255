import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";

/** The verbatim Graph docs examples (shared/graph/examples), read as the conformance test reads them. */
const EXAMPLES = process.env.GRAPH_EXAMPLES_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/graph/examples");

/** The JSON body of a documented `.http` response, e.g. `beta/synchronization-…__response.http`. */
export function docExampleJob(file: string): SynchronizationJob {
  const text = readFileSync(resolve(EXAMPLES, file), "utf8").replace(/\r/g, "");
  return JSON.parse(text.slice(text.indexOf("{"))) as SynchronizationJob;
}
