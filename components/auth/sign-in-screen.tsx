"use client";

import { useMsal } from "@azure/msal-react";
import { useState } from "react";
import { useAuthConfig } from "./auth-config-context";
import { AuthErrorPanel } from "./auth-error-panel";

/** Shown on every console route to a signed-out visitor; sign-in returns to the address they asked for. */
export function SignInScreen({ error }: { error?: unknown }) {
  const { instance } = useMsal();
  const { scopes } = useAuthConfig();
  const [failure, setFailure] = useState<unknown>(error);
  const [pending, setPending] = useState(false);

  async function signIn() {
    setPending(true);
    setFailure(undefined);
    try {
      await instance.loginRedirect({ scopes, redirectStartPage: window.location.href, prompt: "select_account" });
    } catch (cause) {
      setFailure(cause);
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="sign-in-heading" className="mx-auto max-w-lg rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
      <h1 id="sign-in-heading" className="text-2xl font-semibold">
        Sign in to Provisioning Console
      </h1>
      <p className="mt-3 text-slate-700">
        Sign in with your Entra account. The console acts with your delegated Graph permissions
        (Application.Read.All and Synchronization.ReadWrite.All), so you see and change only what your roles allow.
      </p>
      {failure ? (
        <div className="mt-5">
          <AuthErrorPanel error={failure} />
        </div>
      ) : null}
      <button
        type="button"
        onClick={signIn}
        disabled={pending}
        aria-busy={pending}
        className="mt-6 inline-flex items-center rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? "Redirecting to sign-in…" : "Sign in"}
      </button>
    </section>
  );
}
