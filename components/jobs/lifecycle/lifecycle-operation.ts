import type { RestartFlag } from "@/lib/jobs/restart-scope";

/** One lifecycle change of a job, as the controls ask for it. */
export type LifecycleOperation = { kind: "start" } | { kind: "pause" } | { kind: "restart"; resetScope: RestartFlag[] } | { kind: "delete" };
export type LifecycleKind = LifecycleOperation["kind"];

export const VERBS: Record<LifecycleKind, { label: string; doing: string; done: string; infinitive: string }> = {
  start: { label: "Start", doing: "Starting", done: "started", infinitive: "start" },
  pause: { label: "Pause", doing: "Pausing", done: "paused", infinitive: "pause" },
  restart: { label: "Restart", doing: "Restarting", done: "restarted", infinitive: "restart" },
  delete: { label: "Delete", doing: "Deleting", done: "deleted", infinitive: "delete" },
};
