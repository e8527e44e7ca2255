import { describe, expect, it } from "vitest";
import { pageLoadTasks, type TraceEvent } from "./long-tasks";

const PAGE = "http://127.0.0.1:3510/jobs";
const ms = (value: number) => value * 1000;
const onMain = (name: string, ts: number, dur: number, data?: Record<string, unknown>): TraceEvent => ({ name, ph: "X", ts: ms(ts), dur: ms(dur), pid: 7, tid: 1, args: data ? { data } : undefined });

/** A renderer (pid 7) that loaded PAGE at t = 1000 ms, with another renderer's (pid 9) long task beside it. */
const trace: TraceEvent[] = [
  { name: "thread_name", ph: "M", ts: 0, pid: 7, tid: 1, args: { name: "CrRendererMain" } },
  { name: "thread_name", ph: "M", ts: 0, pid: 9, tid: 1, args: { name: "CrRendererMain" } },
  { name: "navigationStart", ph: "R", ts: ms(1000), pid: 7, tid: 1, args: { data: { documentLoaderURL: PAGE } } },
  onMain("RunTask", 900, 40), // the page before: not this load's
  onMain("RunTask", 1010, 30),
  onMain("EvaluateScript", 1011, 20, { url: "http://127.0.0.1:3510/_next/static/chunks/react.js" }),
  onMain("v8.compile", 1011, 8, { url: "http://127.0.0.1:3510/_next/static/chunks/react.js", consumedCacheSize: 2048 }),
  onMain("Layout", 1032, 6),
  onMain("RunTask", 1050, 9), // shorter than the 10 ms floor
  onMain("RunTask", 1100, 12.5),
  onMain("v8.compile", 1101, 1, { url: "http://127.0.0.1:3510/_next/static/chunks/msal.js", consumedCacheSize: 1024 }),
  { ...onMain("RunTask", 1010, 80), pid: 9 },
];

describe("a page load's long tasks", () => {
  it("lists the tasks of 10 ms or more on the page's renderer after its navigation, with what is inside each", () => {
    const { tasks } = pageLoadTasks(trace, PAGE);
    expect(tasks.map((task) => [task.startMs, task.ms])).toEqual([
      [10, 30],
      [100, 12.5],
    ]);
    expect(tasks[0].events).toBe("EvaluateScript react.js 20.0 · v8.compile react.js 8.0 · Layout 6.0");
    expect(tasks[0].functions).toBe(""); // no profiler in this trace
  });

  it("sums what Lighthouse's ×4 TBT would make of them, and the code cache the scripts were compiled from", () => {
    const loaded = pageLoadTasks(trace, PAGE);
    expect(loaded.blockingAt4xMs).toBe(30 * 4 - 50); // the 12.5-ms task is exactly 50 ms at ×4: nothing over
    expect(loaded.scriptsCompiled).toBe(2);
    expect(loaded.codeCacheKb).toBe(3);
  });

  it("says so when the trace holds no navigation to the page", () => {
    expect(() => pageLoadTasks(trace, "http://127.0.0.1:3510/other")).toThrow(/No navigation to http:\/\/127.0.0.1:3510\/other/);
  });
});
