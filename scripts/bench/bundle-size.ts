import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface RouteBundle {
  route: string;
  gzipBytes: number;
  rawBytes: number;
}

/** First-load JS per route, gzip, from Next's build diagnostics (Next 16 prints no First Load JS). */
export function routeBundles(root = process.cwd()): RouteBundle[] {
  const stats = JSON.parse(readFileSync(path.join(root, ".next", "diagnostics", "route-bundle-stats.json"), "utf8")) as {
    route: string;
    firstLoadChunkPaths: string[];
  }[];
  return stats.map(({ route, firstLoadChunkPaths }) => {
    let gzipBytes = 0;
    let rawBytes = 0;
    for (const chunk of firstLoadChunkPaths) {
      const bytes = readFileSync(path.join(root, chunk));
      rawBytes += bytes.length;
      gzipBytes += gzipSync(bytes).length;
    }
    return { route, gzipBytes, rawBytes };
  });
}
