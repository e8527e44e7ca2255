"use client";

import Link from "next/link";
import { useId, type ReactNode } from "react";
import { StatusBadge } from "@/components/ui/status-badge";
import { rowAttributes, type PersonRow } from "@/lib/people/rows";
import { PersonEvent } from "./person-event";
import { ProvisionNow } from "./provision-now";
import { usePersonProvision } from "./use-person-provision";

const FACT = "grid gap-1 sm:grid-cols-[10rem_1fr]";

/** One app's job for the person: the app and job, how they are assigned, whether they are in scope and why, the latest event. */
export function PersonRowView({ row, provision }: { row: PersonRow; provision: ReactNode }) {
  const id = useId();
  return (
    <article aria-labelledby={`${id}-app`} className="space-y-3 rounded-xl border border-slate-200 bg-white p-5" data-testid="person-row" {...rowAttributes(row)}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 id={`${id}-app`} className="text-lg font-semibold">
          <Link href={row.servicePrincipalHref} prefetch={false} className="text-brand-700 underline-offset-2 hover:underline">
            {row.appName}
          </Link>
        </h3>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          Job{" "}
          <Link href={row.jobHref} prefetch={false} className="font-mono text-brand-700 underline underline-offset-2">
            {row.templateId}
            <span className="sr-only"> job of {row.appName}</span>
          </Link>
          <StatusBadge term={row.jobStatus} kind="status" />
        </p>
      </div>
      <dl className="space-y-2 text-sm">
        <div className={FACT}>
          <dt className="font-medium text-slate-700">Assignment</dt>
          <dd data-testid="person-assignment">{row.assignment.text}</dd>
        </div>
        <div className={FACT}>
          <dt className="font-medium text-slate-700">Scope</dt>
          <dd data-testid="person-scope">
            {row.scope.text}
            {row.scope.facts.length ? (
              <ul className="mt-1 space-y-0.5 text-slate-700">
                {row.scope.facts.map((fact) => (
                  <li key={fact.label} data-holds={String(fact.holds)}>
                    <span aria-hidden="true">{fact.holds === true ? "✓ " : fact.holds === false ? "✗ " : "• "}</span>
                    {fact.label}: {fact.holds === true ? "yes" : fact.holds === false ? "no" : (fact.value ?? "not reported")}
                  </li>
                ))}
              </ul>
            ) : null}
          </dd>
        </div>
        <div className={FACT}>
          <dt className="font-medium text-slate-700">Latest event</dt>
          <dd>
            <PersonEvent event={row.event} logsHref={row.logsHref} />
          </dd>
        </div>
      </dl>
      {provision}
    </article>
  );
}

/** The row with its Provision now: after a run, the row shows the run's record without reloading the page. */
export function PersonRowCard({ row, userId, readOnly }: { row: PersonRow; userId: string; readOnly: boolean }) {
  const { shown, provision, ...state } = usePersonProvision(row, userId);
  return (
    <PersonRowView
      row={shown}
      provision={<ProvisionNow state={state} appName={row.appName} readOnly={readOnly} accountEnabled={row.accountEnabled} onProvision={() => void provision()} />}
    />
  );
}
