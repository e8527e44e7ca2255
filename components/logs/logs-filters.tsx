"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { ACTION_CHOICES, LOG_PARAMS, MAX_SEARCH_LENGTH, STATUS_CHOICES, hasFilters, logsSearch, parseLogFilters, type LogFilters, type LogsScope } from "@/lib/logs/filters";
import { RANGE_CODES, TIME_RANGES, type TimeRange } from "@/lib/logs/time-range";
import { pushUrl } from "@/components/ui/url-history";

const labelClass = "block text-sm font-medium text-slate-900";
const inputClass = "w-full rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm shadow-sm";
const helpClass = "text-xs text-slate-700";

function Field({ id, label, help, children }: { id: string; label: string; help?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children}
      {help ? (
        <p id={`${id}-help`} className={helpClass}>
          {help}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The filters, as a form whose state is the URL: Apply navigates (a history entry, so Back returns to the
 * previous filters); the form is read back with the same parser as the address, so what it cannot send is said
 * here instead. Remount it (key) when the URL changes to show what the URL says.
 */
export function LogsFilters({ scope, filters }: { scope: LogsScope; filters: LogFilters }) {
  const pathname = usePathname();
  const id = useId();
  const [range, setRange] = useState<TimeRange>(filters.range);
  const [problems, setProblems] = useState<string[]>([]);
  const tenant = scope.kind === "tenant";

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === "string") params.set(name, value);
    const parsed = parseLogFilters(params, scope);
    setProblems(parsed.problems);
    if (parsed.problems.length === 0) pushUrl(`${pathname}${logsSearch(parsed.filters)}`);
  }

  return (
    <form onSubmit={apply} role="search" aria-label="Filter the provisioning logs" data-testid="logs-filters" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id={`${id}-status`} label="Status">
          <select id={`${id}-status`} name={LOG_PARAMS.status} defaultValue={filters.status ?? ""} className={inputClass} data-testid="logs-filter-status">
            <option value="">Any status</option>
            {STATUS_CHOICES.map((choice) => (
              <option key={choice.code} value={choice.code}>
                {choice.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-action`} label="Action">
          <select id={`${id}-action`} name={LOG_PARAMS.action} defaultValue={filters.action ?? ""} className={inputClass} data-testid="logs-filter-action">
            <option value="">Any action</option>
            {ACTION_CHOICES.map((choice) => (
              <option key={choice.code} value={choice.code}>
                {choice.label}
              </option>
            ))}
          </select>
        </Field>
        <div className="sm:col-span-2">
          <Field id={`${id}-search`} label="Person or identifier" help="Part of a display name, or a whole source, target or change ID. Case-sensitive, as Graph compares it.">
            <input
              id={`${id}-search`}
              name={LOG_PARAMS.search}
              type="search"
              defaultValue={filters.search}
              maxLength={MAX_SEARCH_LENGTH}
              autoComplete="off"
              spellCheck={false}
              placeholder="e.g. Megan Bowen"
              aria-describedby={`${id}-search-help`}
              className={inputClass}
              data-testid="logs-filter-search"
            />
          </Field>
        </div>
        <Field id={`${id}-range`} label="Time range">
          <select id={`${id}-range`} name={LOG_PARAMS.range} value={range} onChange={(event) => setRange(event.target.value as TimeRange)} className={inputClass} data-testid="logs-filter-range">
            {RANGE_CODES.map((code) => (
              <option key={code} value={code}>
                {TIME_RANGES[code].label}
              </option>
            ))}
          </select>
        </Field>
        {range === "custom" ? (
          <>
            <Field id={`${id}-from`} label="From (UTC)">
              <input id={`${id}-from`} name={LOG_PARAMS.from} type="datetime-local" step={60} defaultValue={filters.from ?? ""} className={inputClass} data-testid="logs-filter-from" />
            </Field>
            <Field id={`${id}-to`} label="To (UTC, included)">
              <input id={`${id}-to`} name={LOG_PARAMS.to} type="datetime-local" step={60} defaultValue={filters.to ?? ""} className={inputClass} data-testid="logs-filter-to" />
            </Field>
          </>
        ) : null}
        <Field id={`${id}-cycle`} label="Cycle ID">
          <input id={`${id}-cycle`} name={LOG_PARAMS.cycle} type="text" defaultValue={filters.cycleId ?? ""} autoComplete="off" spellCheck={false} className={`${inputClass} font-mono`} data-testid="logs-filter-cycle" />
        </Field>
        {tenant ? (
          <>
            <Field id={`${id}-app`} label="App (service principal object ID)">
              <input id={`${id}-app`} name={LOG_PARAMS.app} type="text" defaultValue={filters.servicePrincipalId ?? ""} autoComplete="off" spellCheck={false} className={`${inputClass} font-mono`} data-testid="logs-filter-app" />
            </Field>
            <Field id={`${id}-job`} label="Job ID">
              <input id={`${id}-job`} name={LOG_PARAMS.job} type="text" defaultValue={filters.jobId ?? ""} autoComplete="off" spellCheck={false} className={`${inputClass} font-mono`} data-testid="logs-filter-job" />
            </Field>
          </>
        ) : null}
      </div>
      {problems.length ? (
        <ul role="alert" className="list-disc space-y-1 pl-5 text-sm font-medium text-red-800" data-testid="logs-filter-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900" data-testid="logs-apply">
          Apply filters
        </button>
        {hasFilters(filters) ? (
          <Link href={pathname} scroll={false} prefetch={false} className="text-sm font-medium text-brand-700 underline underline-offset-2" data-testid="logs-clear">
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
