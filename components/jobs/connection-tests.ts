import { useSyncExternalStore } from "react";
import type { ActionError } from "@/lib/errors/action-result";
import { jobKey } from "./lifecycle/lifecycle-store";

/**
 * Per job, the connector's refusal of its last connection test on this page (code only: never a value), so that
 * Start can ask before running a job whose credentials just failed. Kept in memory for the tab, outside React:
 * the Configure page and the job's controls live on different pages.
 */
export interface RefusedTest {
  code: string;
}

const refused = new Map<string, RefusedTest>();
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

/** After a test: a connector refusal (Graph's 400) is remembered; success forgets it; other failures say nothing about the credentials. */
export function recordConnectionTest(spId: string, jobId: string, error: ActionError | null): void {
  const key = jobKey(spId, jobId);
  if (error === null) refused.delete(key);
  else if (error.kind === "bad-request") refused.set(key, { code: error.code });
  else return;
  emit();
}

/** New credentials were saved: the refusal was about the old ones. */
export function forgetConnectionTest(spId: string, jobId: string): void {
  if (refused.delete(jobKey(spId, jobId))) emit();
}

export function refusedConnectionTest(spId: string, jobId: string): RefusedTest | null {
  return refused.get(jobKey(spId, jobId)) ?? null;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function useRefusedConnectionTest(spId: string, jobId: string): RefusedTest | null {
  const snapshot = () => refusedConnectionTest(spId, jobId);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
