"use client";

import { useMemo } from "react";
import { useAuthConfig } from "@/components/auth/auth-config-context";
import { useGraphToken } from "@/components/auth/use-graph-token";
import { createGraphGateway, type GraphGateway } from "@/lib/graph/gateway";

/** The Graph gateway for the signed-in admin, as configured on the server. */
export function useGraph(): GraphGateway {
  const { graphBaseUrl, graphApiVersion } = useAuthConfig();
  const getToken = useGraphToken();
  return useMemo(
    () => createGraphGateway({ baseUrl: graphBaseUrl, version: graphApiVersion, getToken }),
    [graphBaseUrl, graphApiVersion, getToken],
  );
}
