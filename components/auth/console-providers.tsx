"use client";

import { MsalProvider } from "@azure/msal-react";
import { QueryClientProvider } from "@tanstack/react-query";
import { startTransition, useEffect, useState, type ReactNode } from "react";
import type { MsalStartup } from "@/lib/auth/msal-instance";
import type { PublicAuthConfig } from "@/lib/config/public-auth-config";
import { consoleQueryClient } from "@/lib/query/query-client";
import { AuthConfigContext } from "./auth-config-context";
import { AuthErrorPanel } from "./auth-error-panel";
import { AuthGate } from "./auth-gate";

/**
 * MSAL's PublicClientApplication (about 70 kB gzip: every interaction client, the cache, the protocol) is
 * its own chunk, so the page's first-load JS is the shell and the header hydrates without it. Its download
 * starts before hydration: from instrumentation-client.ts when the page carries the config, else as soon as
 * this module runs in the browser; it is needed before any Graph call anyway (the token comes from it).
 */
const msalModule = typeof window === "undefined" ? null : import("@/lib/auth/msal-instance");

/** MSAL (initialised before it renders), TanStack Query and the sign-in gate for every console route. */
export function ConsoleProviders({
  config,
  header,
  children,
}: {
  config: PublicAuthConfig;
  header: ReactNode;
  children: ReactNode;
}) {
  const [state, setState] = useState<{ ready: MsalStartup } | { failed: unknown } | null>(null);
  const [queryClient] = useState(consoleQueryClient);

  useEffect(() => {
    let live = true;
    (msalModule ?? import("@/lib/auth/msal-instance")).then(({ startMsal }) => startMsal(config)).then(
      // A transition: React renders the signed-in tree in slices and keeps the main thread free between them.
      (ready) => live && startTransition(() => setState({ ready })),
      (failed: unknown) => live && setState({ failed }),
    );
    return () => {
      live = false;
    };
  }, [config]);

  const main = (content: ReactNode) => (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      {content}
    </main>
  );
  if (state === null || "failed" in state) {
    return (
      <>
        {header}
        {state === null ? (
          // Server-rendered: what the visitor sees until MSAL is ready, and so the page's first contentful
          // (and, on a phone, largest) paint does not wait for sign-in and Graph.
          main(
            <div className="space-y-3">
              <p role="status" className="text-slate-700">
                Loading sign-in…
              </p>
              <p className="max-w-2xl text-slate-700">
                Provisioning Console signs you in with your Entra account, then reads service principals, their provisioning templates and
                jobs live from Microsoft Graph with your delegated permissions.
              </p>
            </div>,
          )
        ) : (
          main(<AuthErrorPanel error={state.failed} onRetry={() => window.location.reload()} />)
        )}
      </>
    );
  }
  return (
    <AuthConfigContext.Provider value={config}>
      <MsalProvider instance={state.ready.instance}>
        <QueryClientProvider client={queryClient}>
          {header}
          {main(<AuthGate redirectError={state.ready.redirectError}>{children}</AuthGate>)}
        </QueryClientProvider>
      </MsalProvider>
    </AuthConfigContext.Provider>
  );
}
