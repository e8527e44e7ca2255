"use client";

import { useMsal } from "@azure/msal-react";
import { useMemo } from "react";
import type { TokenSources } from "@/lib/auth/call-with-token";
import { graphTokenSources } from "@/lib/auth/graph-token";
import { scopesFor, type GraphPurpose } from "@/lib/config/graph-purpose";
import { useAuthConfig } from "./auth-config-context";

function useTokenSources(purpose: GraphPurpose): TokenSources {
  const { instance } = useMsal();
  const scopes = scopesFor(useAuthConfig(), purpose);
  return useMemo(() => graphTokenSources(instance, scopes), [instance, scopes]);
}

/** A function that returns a Graph access token for the signed-in admin (silently when possible), for `purpose`. */
export const useGraphToken = (purpose: GraphPurpose = "manage"): (() => Promise<string>) => useTokenSources(purpose).getToken;

/** A token straight from the identity provider (MSAL's cache skipped), for the one retry after a 401. */
export const useFreshGraphToken = (purpose: GraphPurpose = "manage"): (() => Promise<string>) => useTokenSources(purpose).refreshToken;
