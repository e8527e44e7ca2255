"use client";

import { InteractionStatus } from "@azure/msal-browser";
import { useIsAuthenticated, useMsal } from "@azure/msal-react";
import type { ReactNode } from "react";
import { SignInScreen } from "./sign-in-screen";

/** Renders its children only for a signed-in admin, and only once MSAL has no interaction in progress. */
export function AuthGate({ children, redirectError }: { children: ReactNode; redirectError?: unknown }) {
  const { inProgress } = useMsal();
  const signedIn = useIsAuthenticated();
  if (inProgress !== InteractionStatus.None) {
    return (
      <p role="status" className="text-slate-700">
        Signing you in…
      </p>
    );
  }
  return signedIn ? <>{children}</> : <SignInScreen error={redirectError} />;
}
