import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { GRAPH_EXAMPLES_DIR } from "@/test/support/graph-docs";

/** The verbatim Graph docs examples (test/fixtures/graph-docs/examples), read as the conformance test reads them. */
const EXAMPLES = GRAPH_EXAMPLES_DIR;

/** The JSON body of a documented `.http` response, e.g. `beta/synchronization-…__response.http`. */
export function docExampleJob(file: string): SynchronizationJob {
  const text = readFileSync(resolve(EXAMPLES, file), "utf8").replace(/\r/g, "");
  return JSON.parse(text.slice(text.indexOf("{"))) as SynchronizationJob;
}
