"use client";

import { useMsal } from "@azure/msal-react";
import { useCallback } from "react";
import { acquireGraphToken } from "@/lib/auth/graph-token";
import { useAuthConfig } from "./auth-config-context";

/** A function that returns a Graph access token for the signed-in admin (silently when possible). */
export function useGraphToken(): () => Promise<string> {
  const { instance } = useMsal();
  const { scopes } = useAuthConfig();
  return useCallback(() => acquireGraphToken(instance, scopes), [instance, scopes]);
}

/** A token straight from the identity provider (MSAL's cache skipped), for the one retry after a 401. */
export function useFreshGraphToken(): () => Promise<string> {
  const { instance } = useMsal();
  const { scopes } = useAuthConfig();
  return useCallback(() => acquireGraphToken(instance, scopes, undefined, { forceRefresh: true }), [instance, scopes]);
}
