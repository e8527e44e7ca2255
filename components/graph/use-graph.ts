"use client";

import { useMemo } from "react";
import { useAuthConfig } from "@/components/auth/auth-config-context";
import { useGraphToken } from "@/components/auth/use-graph-token";
import type { GraphPurpose } from "@/lib/config/graph-purpose";
import { configuredGraphGateway, type GraphGateway } from "@/lib/graph/gateway";

/** The Graph gateway for the signed-in admin, as configured on the server; "logs" asks for the logs' permissions too. */
export function useGraph(purpose: GraphPurpose = "manage"): GraphGateway {
  const { graphBaseUrl, graphApiVersion } = useAuthConfig();
  const getToken = useGraphToken(purpose);
  return useMemo(() => configuredGraphGateway({ graphBaseUrl, graphApiVersion }, getToken), [graphBaseUrl, graphApiVersion, getToken]);
}
