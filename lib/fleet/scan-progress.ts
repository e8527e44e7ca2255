import type { FleetProgress } from "./scan";

/*
 * The running scan's progress lives outside the component that started it: the Overview and the Jobs view
 * share one scan (one cache entry), and whichever of them is shown sees its progress, even when the other
 * started it (or the page's read started before React, lib/prefetch) and has since unmounted.
 */
let progress: FleetProgress | null = null;
const listeners = new Set<() => void>();

export function setScanProgress(next: FleetProgress | null) {
  progress = next;
  for (const listener of listeners) listener();
}

export const scanProgress = () => progress;

export function subscribeToScanProgress(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
