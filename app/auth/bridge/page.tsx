"use client";

import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";
import Link from "next/link";
import { useEffect, useState } from "react";
import { describeAuthError } from "@/lib/auth/auth-error-message";

/**
 * MSAL's redirect bridge: Entra sends sign-in responses here; it hands them to the page (or popup or hidden
 * frame) that asked. It lives outside the console route group so no MsalProvider runs on it.
 */
export default function AuthBridgePage() {
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    broadcastResponseToMainFrame().catch(setFailure);
  }, []);
  const problem = failure ? describeAuthError(failure) : null;
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      {problem ? (
        <div role="alert">
          <h1 className="text-xl font-semibold">{problem.title}</h1>
          <p className="mt-2">{problem.advice}</p>
          <p className="mt-2 text-sm">
            Error code: <code className="font-mono">{problem.code}</code>
          </p>
          <Link href="/service-principals" className="mt-4 inline-block text-brand-600 underline">
            Back to the console
          </Link>
        </div>
      ) : (
        <p role="status">Completing sign-in…</p>
      )}
    </main>
  );
}
