import { useSyncExternalStore } from "react";
import type { ActionError } from "@/lib/errors/action-result";
import type { LifecycleKind, LifecycleOperation } from "./lifecycle-operation";

/**
 * Per job, which change is in flight and how the last one failed. Kept outside React on purpose: the
 * controls that started a change can unmount before it ends (a delete removes the card, a start removes the
 * quarantine banner, a failure brings them back), and a job's controls can appear twice (banner and card),
 * so the lock, the progress and the error belong to the job, not to one component.
 */

export interface LifecycleFailure {
  operation: LifecycleOperation;
  error: ActionError;
  /** When trying again is allowed (epoch ms, from Retry-After), or null. */
  retryAt: number | null;
}

export interface LifecycleState {
  pending: LifecycleKind | null;
  failure: LifecycleFailure | null;
}

const IDLE: LifecycleState = { pending: null, failure: null };
const states = new Map<string, LifecycleState>();
const listeners = new Set<() => void>();

export const jobKey = (spId: string, jobId: string) => `${spId}/${jobId}`;

function set(key: string, state: LifecycleState) {
  if (state.pending === null && state.failure === null) states.delete(key);
  else states.set(key, state);
  for (const listener of listeners) listener();
}

export function lifecycleState(key: string): LifecycleState {
  return states.get(key) ?? IDLE;
}

/** Synchronous: true when this call took the job's lock (a second click before React re-renders gets false). */
export function tryLock(key: string, kind: LifecycleKind): boolean {
  if (lifecycleState(key).pending) return false;
  set(key, { pending: kind, failure: null });
  return true;
}

/** Releases the lock; a failure stays shown until the next change or a dismissal. */
export function unlock(key: string, failure: LifecycleFailure | null): void {
  set(key, { pending: null, failure });
}

export function dismissFailure(key: string): void {
  const current = lifecycleState(key);
  if (current.failure) set(key, { ...current, failure: null });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The job's state; the server snapshot is the same store (never written on the server, so idle there). */
export function useLifecycleState(key: string): LifecycleState {
  const snapshot = () => lifecycleState(key);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
