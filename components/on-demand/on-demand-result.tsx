"use client";

import { useMemo } from "react";
import { LogEntryDetail } from "@/components/logs/log-entry-detail";
import { StatusBadge } from "@/components/ui/status-badge";
import type { OnDemandSubject } from "@/lib/graph/on-demand";
import { toOnDemandResult } from "@/lib/logs/on-demand-result";
import type { OnDemandAnswer } from "@/lib/graph/on-demand";
import { scopeFacts } from "@/lib/on-demand/scope-facts";
import type { LogEntryView } from "@/lib/logs/entry-view";
import { GroupRunResults } from "./group-run-results";

const VERDICT: Record<string, string> = {
  success: "Done: the provisioning service did what this person or group needed.",
  skipped: "Nothing was done.",
  failure: "It failed: the steps below say where, and what to do.",
};

/** Why the object is or isn't in scope, in words, above the steps that say so in Graph's. */
function ScopeSummary({ record }: { record: LogEntryView }) {
  const scope = scopeFacts(record.steps);
  if (!scope) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="on-demand-scope" data-in-scope={String(scope.inScope)}>
      <p className="font-semibold text-slate-900">{scope.inScope === false ? "Not in scope for provisioning" : scope.inScope ? "In scope for provisioning" : "Scope"}</p>
      <ul className="mt-1 space-y-0.5">
        {scope.facts.map((fact) => (
          <li key={fact.label} data-testid="on-demand-scope-fact" data-holds={String(fact.holds)}>
            <span aria-hidden="true">{fact.holds === true ? "✓ " : fact.holds === false ? "✗ " : "• "}</span>
            {fact.label}: {fact.holds === true ? "yes" : fact.holds === false ? "no" : (fact.value ?? "not reported")}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What provision on demand did: its verdict and reason, then each record with the logs' own detail view (steps, errors, old → new). */
export function OnDemandResult({ servicePrincipalId, jobId, subject, answer, sentAt }: { servicePrincipalId: string; jobId: string; subject: OnDemandSubject; answer: OnDemandAnswer; sentAt: number }) {
  const result = useMemo(() => toOnDemandResult(answer), [answer]);
  const code = result.result?.code ?? "unknown";
  return (
    <section aria-labelledby="on-demand-result-heading" className="space-y-4" data-testid="on-demand-result" data-result={code}>
      <div className="space-y-1">
        <h2 id="on-demand-result-heading" className="flex flex-wrap items-center gap-2 text-lg font-semibold">
          Result {result.result ? <StatusBadge term={result.result} /> : null}
        </h2>
        <p className="text-sm text-slate-800">{VERDICT[code] ?? "Graph's answer carries no result; the records below say what happened."}</p>
        {result.reason ? (
          <p className="text-sm text-slate-800" data-testid="on-demand-reason" data-code={result.reason.code ?? ""}>
            {result.reason.message ?? "No reason given."} {result.reason.code ? <code className="font-mono text-xs text-slate-600">({result.reason.code})</code> : null}
          </p>
        ) : null}
      </div>
      {result.records.map((record, index) => (
        <div key={record.id} className="space-y-3">
          <ScopeSummary record={record} />
          <LogEntryDetail entry={record} headingId={`on-demand-record-${index}`} testIdPrefix="on-demand" />
        </div>
      ))}
      {subject.type === "group" ? <GroupRunResults servicePrincipalId={servicePrincipalId} jobId={jobId} subject={subject} sentAt={sentAt} /> : null}
      {subject.type === "user" && result.records.length === 0 ? <p className="text-sm text-slate-700">Graph sent no record of the steps.</p> : null}
    </section>
  );
}
