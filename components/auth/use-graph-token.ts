"use client";

import { useMsal } from "@azure/msal-react";
import { useCallback } from "react";
import { acquireGraphToken } from "@/lib/auth/graph-token";
import { scopesFor, type GraphPurpose } from "@/lib/config/graph-purpose";
import { useAuthConfig } from "./auth-config-context";

/** A function that returns a Graph access token for the signed-in admin (silently when possible), for `purpose`. */
export function useGraphToken(purpose: GraphPurpose = "manage"): () => Promise<string> {
  const { instance } = useMsal();
  const scopes = scopesFor(useAuthConfig(), purpose);
  return useCallback(() => acquireGraphToken(instance, scopes), [instance, scopes]);
}

/** A token straight from the identity provider (MSAL's cache skipped), for the one retry after a 401. */
export function useFreshGraphToken(purpose: GraphPurpose = "manage"): () => Promise<string> {
  const { instance } = useMsal();
  const scopes = scopesFor(useAuthConfig(), purpose);
  return useCallback(() => acquireGraphToken(instance, scopes, undefined, { forceRefresh: true }), [instance, scopes]);
}
