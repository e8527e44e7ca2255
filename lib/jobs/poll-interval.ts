import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import type { GraphErrorInfo } from "@/lib/graph/graph-error";
import { isActive, isRunningInitialCycle } from "./vocabulary";

/** While a cycle runs, progress and counts change every few seconds. */
export const FAST_POLL_MS = 3_000;
/** Active jobs in steady state change about once per cycle (40 minutes); half a minute keeps the page honest. */
export const STEADY_POLL_MS = 30_000;
/** Paused, quarantined, not configured: nothing moves until someone acts (and actions refresh the page). */
export const IDLE_POLL_MS = 120_000;

/**
 * How long to wait before asking Graph again about these jobs: faster while a cycle runs, slower in steady
 * state, never sooner than Graph's Retry-After.
 */
export function pollInterval(jobs: readonly SynchronizationJob[] | undefined, error?: GraphErrorInfo | null): number {
  let interval = IDLE_POLL_MS;
  if (jobs?.some((job) => isRunningInitialCycle(job))) interval = FAST_POLL_MS;
  else if (jobs?.some((job) => isActive(job))) interval = STEADY_POLL_MS;
  if (error?.retryAfterSeconds) interval = Math.max(interval, error.retryAfterSeconds * 1000);
  else if (error) interval = Math.max(interval, STEADY_POLL_MS);
  return interval;
}
