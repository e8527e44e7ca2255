"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { DirectoryAccessProblem } from "@/components/on-demand/directory-access-problem";
import { useDirectorySearch } from "@/components/on-demand/use-directory";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { SkeletonLines } from "@/components/ui/skeleton";
import { SEARCH_RESULTS } from "@/lib/graph/directory-search";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { routes } from "@/lib/routes";
import { PeopleSearchBox } from "./people-search-box";
import { PersonBadges, userLine } from "./person-badges";

/** /people: find a person (the URL's `q`), then open where they are provisioned. */
export function PeopleSearch() {
  const search = useSearchParams().get("q")?.trim() ?? "";
  return (
    <div className="space-y-4">
      <PeopleSearchBox value={search} />
      {search ? (
        <PeopleResults search={search} />
      ) : (
        <p className="max-w-3xl text-sm text-slate-700" data-testid="people-empty">
          Type a name, a user principal name, an email address or an object id. Each person found opens their provisioning: every app with a provisioning
          job they are assigned to, directly or through a group, whether they are in its scope, and what the provisioning service last did for them.
        </p>
      )}
    </div>
  );
}

function PeopleResults({ search }: { search: string }) {
  const results = useDirectorySearch("users", search);
  if (results.isPending) return <SkeletonLines lines={3} label="Searching people…" />;
  if (results.isError) {
    const error = toErrorInfo(results.error);
    return error.kind === "forbidden" ? <DirectoryAccessProblem error={error} /> : <GraphErrorPanel error={error} action="search people" onRetry={() => void results.refetch()} />;
  }
  const found = results.data;
  return (
    <div className="space-y-2">
      <p role="status" aria-live="polite" className="text-sm text-slate-700" data-testid="people-count">
        {found.length === 0
          ? `Nobody's name, user principal name or email starts with “${search}”. Try the first name, the last name, or paste the object id.`
          : found.length >= SEARCH_RESULTS
            ? `The first ${SEARCH_RESULTS} people matching “${search}”: type more to narrow the search.`
            : `${found.length} ${found.length === 1 ? "person matches" : "people match"} “${search}”.`}
      </p>
      {found.length ? (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="People found">
          {found.map((user) => (
            <li key={user.id} className="px-4 py-3" data-testid="people-result" data-id={user.id}>
              <Link href={routes.person(user.id)} prefetch={false} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {user.displayName ?? user.id}
              </Link>{" "}
              <PersonBadges user={user} />
              <span className="block break-all text-xs text-slate-600">{userLine(user)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
