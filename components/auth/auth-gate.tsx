"use client";

import { InteractionStatus } from "@azure/msal-browser";
import { useIsAuthenticated, useMsal } from "@azure/msal-react";
import { useDeferredValue, type ReactNode } from "react";
import { SignInScreen } from "./sign-in-screen";

/** Renders its children only for a signed-in admin, and only once MSAL has no interaction in progress. */
export function AuthGate({ children, redirectError }: { children: ReactNode; redirectError?: unknown }) {
  const { inProgress } = useMsal();
  const signedIn = useIsAuthenticated();
  // MSAL reports "none" from a promise callback, an update React renders in one go. Deferred, the page
  // under the gate mounts in a time-sliced render instead of one long task.
  const settled = useDeferredValue(inProgress === InteractionStatus.None);
  if (!settled) {
    return (
      <p role="status" className="text-slate-700">
        Signing you in…
      </p>
    );
  }
  return signedIn ? <>{children}</> : <SignInScreen error={redirectError} />;
}
