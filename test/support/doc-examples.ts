import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { GRAPH_DOCS_DIR, GRAPH_EXAMPLES_DIR } from "@/test/support/graph-docs";

/** The verbatim Graph docs examples (test/fixtures/graph-docs/examples), read as the conformance test reads them. */
const EXAMPLES = GRAPH_EXAMPLES_DIR;

/** The JSON body of a documented `.http` response, e.g. `beta/synchronization-…__response.http`. */
export function docExampleJob(file: string): SynchronizationJob {
  const text = readFileSync(resolve(EXAMPLES, file), "utf8").replace(/\r/g, "");
  return JSON.parse(text.slice(text.indexOf("{"))) as SynchronizationJob;
}

/**
 * The JSON body of a documented `.http` response in `examples/` or, with `docs/…`, in the docs pages' code
 * blocks (some have trailing commas, which are dropped).
 */
export function docExampleBody<T = any>(file: string): T {
  const path = file.startsWith("docs/") ? resolve(GRAPH_DOCS_DIR, file.slice("docs/".length)) : resolve(EXAMPLES, file);
  const text = readFileSync(path, "utf8").replace(/\r/g, "");
  return JSON.parse(text.slice(text.indexOf("{")).replace(/,(\s*[\]}])/g, "$1")) as T;
}
