import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { parseScheduleState, statusCodeOf } from "@/lib/jobs/vocabulary";
import type { LifecycleKind } from "./lifecycle-operation";

/** How a control shows: the next thing to do (primary), available (secondary), or not offered (absent). */
export type Emphasis = "primary" | "secondary" | "danger";
export type Phase = "running" | "paused" | "quarantined" | "not-configured" | "unknown";
export type LifecycleOptions = { phase: Phase } & Partial<Record<LifecycleKind, Emphasis>>;

/** What the job's state calls it: its status code, else (unknown code) its schedule. */
function phaseOf(job: Pick<SynchronizationJob, "status" | "schedule">): Phase {
  switch (statusCodeOf(job)) {
    case "Active":
    case "NotRun":
      return "running";
    case "Paused":
      return "paused";
    case "Quarantine":
      return "quarantined";
    case "NotConfigured":
      return "not-configured";
  }
  switch (parseScheduleState(job.schedule?.state).code) {
    case "Active":
      return "running";
    case "Paused":
      return "paused";
    case "Disabled":
      return "not-configured";
    default:
      return "unknown";
  }
}

/**
 * Which controls a job offers. Start is never offered while the job runs (Active, or NotRun: its initial
 * cycle): Microsoft warns that calling Start on a running job can make the service stop running, and
 * documents it for paused and quarantined jobs (and a new, disabled job). Restart is not offered before the
 * first start (Start does that). Delete is always offered.
 */
export function lifecycleOptions(job: Pick<SynchronizationJob, "status" | "schedule">): LifecycleOptions {
  const phase = phaseOf(job);
  switch (phase) {
    case "running":
      return { phase, pause: "secondary", restart: "secondary", delete: "danger" };
    case "paused":
      return { phase, start: "primary", restart: "secondary", delete: "danger" };
    case "quarantined":
      return { phase, start: "primary", pause: "secondary", restart: "secondary", delete: "danger" };
    case "not-configured":
      return { phase, start: "primary", delete: "danger" };
    case "unknown":
      return { phase, start: "secondary", pause: "secondary", restart: "secondary", delete: "danger" };
  }
}

/** Why Start is the next step, per phase (shown next to it). */
export const START_HINTS: Partial<Record<Phase, string>> = {
  paused: "Start resumes where the job stopped.",
  quarantined: "Start clears the quarantine (fix its cause first).",
  "not-configured": "Start runs the initial cycle.",
};
