"use client";

import { useQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { useFreshGraphToken, useGraphToken } from "@/components/auth/use-graph-token";
import { scanProgress, subscribeToScanProgress } from "@/lib/fleet/scan-progress";
import { fleetScanRead } from "@/lib/query/page-reads";

/** The tenant-wide fleet scan (through the console's server) and its progress, for every view that shows it. */
export function useFleetScan() {
  const getToken = useGraphToken();
  const refreshToken = useFreshGraphToken();
  const query = useQuery(fleetScanRead({ getToken, refreshToken }));
  return { query, progress: useSyncExternalStore(subscribeToScanProgress, scanProgress, () => null) };
}
