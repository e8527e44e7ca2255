"use client";

import type { SynchronizationSchema } from "@microsoft/microsoft-graph-types-beta";
import { useSearchParams } from "next/navigation";
import { useId, useMemo } from "react";
import { toMappingsView } from "@/lib/mappings/mapping-view";
import { countText, MAX_QUERY_LENGTH, normalizeQuery, searchMappings } from "@/lib/mappings/search";
import { routes } from "@/lib/routes";
import { replaceUrl } from "@/components/ui/url-history";
import { UrlSearchBox } from "@/components/ui/url-search-box";
import { MappingsEmpty } from "./mappings-empty";
import { RuleSection } from "./rule-section";

/** The search (its text is `?q=`), the count, and the rules with what matches. */
export function MappingsBody({ servicePrincipalId, jobId, schema }: { servicePrincipalId: string; jobId: string; schema: SynchronizationSchema }) {
  const query = normalizeQuery(useSearchParams().get("q"));
  const view = useMemo(() => toMappingsView(schema), [schema]);
  const result = useMemo(() => searchMappings(view, query), [view, query]);
  const searchId = useId();

  const search = (next: string) => replaceUrl(routes.jobMappings(servicePrincipalId, jobId, next));
  function clear() {
    search("");
    // The button goes away with the search: keep keyboard focus where the next search starts.
    document.getElementById(searchId)?.focus();
  }

  if (view.rules.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">This job&apos;s schema has no synchronization rules, so it maps no attributes.</p>;
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <UrlSearchBox
          id={searchId}
          value={query}
          onSearch={search}
          label="Search attribute mappings"
          placeholder="e.g. mail"
          help="Target attributes, sources (attribute, constant or expression) and default values; not case-sensitive."
          maxLength={MAX_QUERY_LENGTH}
          testId="mappings-search"
        />
        <p aria-live="polite" className="text-sm text-slate-700 tabular-nums" data-testid="mappings-count" data-matches={result.matches} data-total={result.total}>
          {countText(result)}
        </p>
      </div>
      {result.query && result.matches === 0 ? (
        <MappingsEmpty query={result.query} onClear={clear} />
      ) : (
        result.rules.map((rule) => <RuleSection key={rule.key} rule={rule} searching={Boolean(result.query)} />)
      )}
    </div>
  );
}
