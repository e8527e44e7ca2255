// Preloaded into each console replica by scripts/lib/replicas.ts (NODE_OPTIONS=--import) when load.ts samples
// memory: every 5 s it writes this process's process.memoryUsage() to $MEMORY_REPORT_DIR/<pid>.json, which
// scripts/lib/process-memory.ts reads. A file, not the inspector: nothing listens, nothing to connect to.
import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";

const dir = process.env.MEMORY_REPORT_DIR;
if (dir) {
  const file = path.join(dir, `${process.pid}.json`);
  const write = () => {
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify({ at: Date.now(), rss, heapTotal, heapUsed, external, arrayBuffers }));
      renameSync(`${file}.tmp`, file);
    } catch {
      // the directory is gone: load.ts has finished
    }
  };
  write();
  setInterval(write, 5_000).unref();
}
