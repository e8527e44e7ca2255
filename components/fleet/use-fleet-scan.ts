"use client";

import { useQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { useFreshGraphToken, useGraphToken } from "@/components/auth/use-graph-token";
import type { FleetProgress } from "@/lib/fleet/scan";
import { scanFleetThroughConsole } from "@/lib/fleet/scan-through-console";
import { queryKeys } from "@/lib/query/keys";

/** A scan costs SP pages + SPs/20 requests: keep it for 5 minutes, and never rescan on focus or by polling. */
export const FLEET_STALE_MS = 5 * 60_000;
export const FLEET_GC_MS = 30 * 60_000;

/*
 * The running scan's progress lives outside the component that started it: the Overview and the Jobs view
 * share one scan (one cache entry), and whichever of them is shown sees its progress, even when the other
 * started it and has since unmounted.
 */
let progress: FleetProgress | null = null;
const listeners = new Set<() => void>();

function setProgress(next: FleetProgress | null) {
  progress = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The tenant-wide fleet scan (through the console's server) and its progress, for every view that shows it. */
export function useFleetScan() {
  const getToken = useGraphToken();
  const refreshToken = useFreshGraphToken();
  const query = useQuery({
    queryKey: queryKeys.fleet(),
    queryFn: ({ signal }) => {
      setProgress(null);
      // The console's server sends progress at most every 100 ms.
      return scanFleetThroughConsole({ getToken, refreshToken, signal, onProgress: setProgress });
    },
    staleTime: FLEET_STALE_MS,
    gcTime: FLEET_GC_MS,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
  return { query, progress: useSyncExternalStore(subscribe, () => progress, () => null) };
}
