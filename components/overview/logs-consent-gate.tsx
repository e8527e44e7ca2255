"use client";

import { useState, useSyncExternalStore, type ReactNode } from "react";
import { SkeletonLines } from "@/components/ui/skeleton";
import { grantedScopes, subscribeGrantedScopes } from "@/lib/auth/granted-scopes";

/** `AuditLog.Read.All`, bare or as Entra qualifies it (`https://graph.microsoft.com/AuditLog.Read.All`). */
const hasLogsScope = (scopes: readonly string[]) => scopes.some((scope) => /(^|\/)auditlog\.read\.all$/i.test(scope));

/**
 * The Overview is the landing page: its log sections must not send an admin to a consent screen on arrival.
 * They load at once when the admin's token already carries AuditLog.Read.All; otherwise on request. Until the
 * page's first token says which (the scan gets one), they wait.
 */
export function LogsConsentGate({ what, children }: { what: string; children: ReactNode }) {
  // The server never has a token: its snapshot is the same (empty) store.
  const scopes = useSyncExternalStore(subscribeGrantedScopes, grantedScopes, grantedScopes);
  const [asked, setAsked] = useState(false);
  if (asked || (scopes && hasLogsScope(scopes))) return children;
  if (!scopes) return <SkeletonLines lines={2} label={`Loading ${what}…`} />;
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-white p-4 text-sm text-slate-800" data-testid="overview-logs-consent">
      <p>
        Showing {what} reads the provisioning and audit logs, which needs the delegated permissions AuditLog.Read.All and Directory.Read.All. Your
        sign-in doesn&apos;t carry them yet: Microsoft Entra ID will ask for your consent.
      </p>
      <button type="button" onClick={() => setAsked(true)} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium text-brand-700 hover:bg-slate-50">
        Show {what}
      </button>
    </div>
  );
}
