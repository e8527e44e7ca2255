/**
 * A page load's long main-thread tasks from a Chromium trace (Lighthouse's own, or trace-tasks.ts's), each with the
 * trace events inside it by total time and, when the trace has V8's sampling profiler, the functions with the most
 * self time. Times are as recorded (1×); Lighthouse's mobile TBT counts a task's time over 50 ms after multiplying
 * it by 4, so a task of 12.5 ms or more here is one it counts.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; name?: string };
}

export interface LongTask {
  /** From the navigation's start. */
  startMs: number;
  ms: number;
  /** The largest trace events inside the task, as "name [script] [function] ms · …". */
  events: string;
  /** The functions with the most sampled self time, as "name script ms · …" (empty without the profiler). */
  functions: string;
}

export interface PageLoadTasks {
  tasks: LongTask[];
  /** Σ max(0, 4 × task − 50 ms) over the tasks: roughly what Lighthouse's simulated TBT makes of them. */
  blockingAt4xMs: number;
  scriptsCompiled: number;
  /** V8 code cache the page's scripts were compiled from. */
  codeCacheKb: number;
}

interface ProfileChunk {
  cpuProfile?: { nodes?: { id: number; callFrame: { functionName: string; url?: string } }[]; samples?: number[] };
  timeDeltas?: number[];
}

const shortUrl = (url: string) => url.replace(/^.*\//, "");

/** Sampled self time (µs) per function in [from, to), from the trace's Profile / ProfileChunk events. */
function sampledSelfTime(events: TraceEvent[], from: number, to: number): Map<string, number> {
  const frames = new Map<number, string>();
  const self = new Map<string, number>();
  const profile = events.find((event) => event.name === "Profile");
  let ts = (profile?.args?.data as { startTime?: number } | undefined)?.startTime ?? profile?.ts ?? 0;
  for (const event of events.filter((item) => item.name === "ProfileChunk")) {
    const chunk = event.args?.data as ProfileChunk | undefined;
    for (const node of chunk?.cpuProfile?.nodes ?? []) frames.set(node.id, `${node.callFrame.functionName || "(anonymous)"} ${shortUrl(node.callFrame.url ?? "")}`);
    (chunk?.cpuProfile?.samples ?? []).forEach((id, i) => {
      const delta = chunk?.timeDeltas?.[i] ?? 0;
      ts += delta;
      const key = frames.get(id) ?? String(id);
      if (ts >= from && ts < to) self.set(key, (self.get(key) ?? 0) + delta);
    });
  }
  return self;
}

const largest = (totals: Map<string, number>, count: number) =>
  [...totals.entries()]
    .filter(([key]) => !key.startsWith("(idle)") && !key.startsWith("(program)"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${key.trim()} ${(us / 1000).toFixed(1)}`)
    .join(" · ");

function describe(event: TraceEvent): string {
  const data = event.args?.data ?? {};
  const parts = [event.name, typeof data.url === "string" ? shortUrl(data.url) : "", typeof data.functionName === "string" ? data.functionName : ""];
  return parts.filter(Boolean).join(" ");
}

/** The tasks of `minMs` or more on the main thread of the renderer that loaded `url`, from its navigation on. */
export function pageLoadTasks(traceEvents: TraceEvent[], url: string, minMs = 10): PageLoadTasks {
  const navigation = traceEvents.find((event) => event.name === "navigationStart" && event.args?.data?.documentLoaderURL === url);
  const main = traceEvents.find((event) => event.name === "thread_name" && event.args?.name === "CrRendererMain" && event.pid === navigation?.pid);
  if (!navigation || !main) throw new Error(`No navigation to ${url}, or no renderer main thread, in the trace.`);
  const onMain = traceEvents.filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === "X" && event.ts >= navigation.ts);
  const profile = traceEvents.filter((event) => event.pid === main.pid && (event.name === "Profile" || event.name === "ProfileChunk"));
  const tasks = onMain
    .filter((event) => event.name === "RunTask" && (event.dur ?? 0) >= minMs * 1000)
    .map((task): LongTask => {
      const end = task.ts + (task.dur ?? 0);
      const inside = new Map<string, number>();
      for (const event of onMain) {
        if (event === task || event.ts < task.ts || event.ts >= end) continue;
        inside.set(describe(event), (inside.get(describe(event)) ?? 0) + (event.dur ?? 0));
      }
      return { startMs: (task.ts - navigation.ts) / 1000, ms: (task.dur ?? 0) / 1000, events: largest(inside, 4), functions: largest(sampledSelfTime(profile, task.ts, end), 6) };
    });
  const compiles = onMain.filter((event) => event.name === "v8.compile" && String(event.args?.data?.url ?? "").includes("/_next/"));
  return {
    tasks,
    blockingAt4xMs: tasks.reduce((sum, task) => sum + Math.max(0, task.ms * 4 - 50), 0),
    scriptsCompiled: compiles.length,
    codeCacheKb: compiles.reduce((sum, event) => sum + Number(event.args?.data?.consumedCacheSize ?? 0), 0) / 1024,
  };
}

/** The tasks as lines for a terminal. */
export function formatPageLoadTasks({ tasks, blockingAt4xMs, scriptsCompiled, codeCacheKb }: PageLoadTasks, indent = ""): string[] {
  return [
    ...tasks.flatMap((task) => [
      `${indent}@${task.startMs.toFixed(0).padStart(5)} ms · ${task.ms.toFixed(1).padStart(5)} ms  ${task.events}`,
      ...(task.functions ? [`${indent}${" ".repeat(20)}functions: ${task.functions}`] : []),
    ]),
    `${indent}Σ (4 × task − 50 ms) = ${blockingAt4xMs.toFixed(0)} ms; ${scriptsCompiled} scripts compiled from ${codeCacheKb.toFixed(0)} kB of V8 code cache`,
  ];
}
