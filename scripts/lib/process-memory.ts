import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import path from "node:path";

/** A process's memory from /proc (Linux), and its V8 heap when scripts/lib/memory-report.mjs reports it. */

/** The pid listening on `port` (from /proc/net/tcp[6] and each process's socket fds), or undefined. */
export function listeningPid(port: number): number | undefined {
  const inodes = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10) continue;
      const localPort = parseInt(fields[1].split(":").pop() ?? "", 16);
      if (localPort === port && fields[3] === "0A") inodes.add(fields[9]);
    }
  }
  if (!inodes.size) return undefined;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`));
        if (match && inodes.has(match[1])) return Number(entry);
      } catch {
        // the fd closed meanwhile
      }
    }
  }
  return undefined;
}

export interface HeapReport {
  at: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

const MB = 1024 * 1024;

/** Samples VmRSS every 250 ms (the peak), and reads VmHWM (the kernel's peak since start) and the heap report. */
export class MemorySampler {
  peakRssKb = 0;
  private timer?: NodeJS.Timeout;
  constructor(
    readonly pid: number | undefined,
    private readonly reportDir?: string,
  ) {}

  private status(): { VmRSS?: number; VmHWM?: number } {
    if (this.pid === undefined) return {};
    try {
      const text = readFileSync(`/proc/${this.pid}/status`, "utf8");
      return Object.fromEntries([...text.matchAll(/^(VmRSS|VmHWM):\s+(\d+) kB$/gm)].map((m) => [m[1], Number(m[2])]));
    } catch {
      return {};
    }
  }

  heap(): HeapReport | undefined {
    if (this.pid === undefined || !this.reportDir) return undefined;
    try {
      return JSON.parse(readFileSync(path.join(this.reportDir, `${this.pid}.json`), "utf8")) as HeapReport;
    } catch {
      return undefined;
    }
  }

  start(): void {
    const sample = () => (this.peakRssKb = Math.max(this.peakRssKb, this.status().VmRSS ?? 0));
    sample();
    this.timer = setInterval(sample, 250);
  }

  /** `RSS 312 MB, heap 140 / 180 MB (external 12 MB)`, now. */
  describeNow(): string {
    const rss = this.status().VmRSS;
    const heap = this.heap();
    const heapText = heap ? `, heap used ${(heap.heapUsed / MB).toFixed(0)} of ${(heap.heapTotal / MB).toFixed(0)} MB, external ${(heap.external / MB).toFixed(0)} MB` : "";
    return rss === undefined ? "not running" : `RSS ${(rss / 1024).toFixed(0)} MB${heapText}`;
  }

  stop(): { peakRssMb: number; hwmMb: number; rssMb: number } {
    clearInterval(this.timer);
    const now = this.status();
    return { peakRssMb: this.peakRssKb / 1024, hwmMb: (now.VmHWM ?? 0) / 1024, rssMb: (now.VmRSS ?? 0) / 1024 };
  }
}
