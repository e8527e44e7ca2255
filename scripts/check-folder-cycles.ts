/**
 * `tsx scripts/check-folder-cycles.ts`: exits 1, printing each cycle, when folders import each other round any loop
 * (`no-circular` sees modules only). A folder: `app` for all of app/, else the first two path segments (`lib/graph`).
 */
import type { ICruiseResult } from "dependency-cruiser";
const ROOTS = ["app", "components", "lib", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts"];
const NOT_CRUISED = ["\\.test\\.tsx?$", "^test/", "^e2e/", "^\\.next/"];
const folderOf = (path: string): string => (path.startsWith("app/") ? "app" : path.split("/").slice(0, 2).join("/"));

/** folder → folder it imports → one example import (`from → to`). */
type FolderGraph = Map<string, Map<string, string>>;
function toFolderGraph({ modules }: ICruiseResult): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const { source, dependencies } of modules) {
    for (const { resolved, coreModule, couldNotResolve } of dependencies) {
      const [from, to] = [folderOf(source), folderOf(resolved)];
      if (coreModule || couldNotResolve || resolved.includes("node_modules/") || from === to) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${source} → ${resolved}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

const targets = (graph: FolderGraph, folder: string): string[] => [...(graph.get(folder)?.keys() ?? [])].sort();
/** The shortest folder path from `start` to `goal` (both included), or null when `goal` is not reachable. */
function shortestPath(graph: FolderGraph, start: string, goal: string): string[] | null {
  const previous = new Map<string, string>([[start, start]]);
  const queue = [start];
  for (let index = 0; index < queue.length && !previous.has(goal); index++) {
    for (const next of targets(graph, queue[index]).filter((folder) => !previous.has(folder))) {
      previous.set(next, queue[index]);
      queue.push(next);
    }
  }
  const path = previous.has(goal) ? [goal] : null;
  while (path && path[0] !== start) path.unshift(previous.get(path[0]) ?? start);
  return path;
}

/** A shortest cycle through each folder edge that lies on one, skipping edges an earlier cycle already showed. */
function folderCycles(graph: FolderGraph): string[][] {
  const shown = new Set<string>();
  const cycles: string[][] = [];
  for (const from of [...graph.keys()].sort()) {
    for (const to of targets(graph, from)) {
      const back = shown.has(`${from}\n${to}`) ? null : shortestPath(graph, to, from);
      if (!back) continue;
      const cycle = [from, ...back];
      cycle.slice(1).forEach((folder, index) => shown.add(`${cycle[index]}\n${folder}`));
      cycles.push(cycle);
    }
  }
  return cycles;
}

async function main(): Promise<void> {
  const { cruise } = await import("dependency-cruiser"); // ESM only, and tsx runs this file as CommonJS
  const { default: readOptions } = await import("dependency-cruiser/config-utl/extract-depcruise-options");
  const { default: readTSConfig } = await import("dependency-cruiser/config-utl/extract-ts-config");
  const config = await readOptions("./.dependency-cruiser.cjs"); // for `@/*` and `import type`; its rules are unused
  const options = { ...config, validate: false, exclude: { path: NOT_CRUISED } };
  const { output } = await cruise(ROOTS, options, {}, { tsConfig: readTSConfig("tsconfig.json") });
  if (typeof output === "string") throw new Error("dependency-cruiser returned a report, not a cruise result");
  const graph = toFolderGraph(output);
  const cycles = folderCycles(graph);
  for (const cycle of cycles) {
    console.error(`folder cycle: ${cycle.join(" → ")}`);
    cycle.slice(1).forEach((folder, index) => console.error(`  ${graph.get(cycle[index])?.get(folder)}`));
  }
  if (cycles.length > 0) process.exit(1);
  console.log(`No folder cycles (${graph.size} folders).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
