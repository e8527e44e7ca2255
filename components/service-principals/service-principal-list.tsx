"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useGraph } from "@/components/graph/use-graph";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { SkeletonLines } from "@/components/ui/skeleton";
import { MAX_BATCH_SIZE } from "@/lib/graph/gateway";
import { listServicePrincipals } from "@/lib/graph/service-principals";
import { queryKeys } from "@/lib/query/keys";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { formatCount } from "@/lib/format/count";
import { ProvisioningRows } from "./provisioning-rows";
import { SearchBox } from "./search-box";

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** Server-side search and paging over the tenant's service principals (Graph pages of 100, "Load more"). */
export function ServicePrincipalList() {
  const search = useSearchParams().get("q")?.trim() ?? "";
  const graph = useGraph();
  const query = useInfiniteQuery({
    queryKey: queryKeys.servicePrincipals(search),
    queryFn: ({ pageParam }) => listServicePrincipals(graph, { search, nextLink: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextLink,
  });

  const rows = query.data?.pages.flatMap((page) => page.value) ?? [];
  const total = query.data?.pages[0]?.count;

  return (
    <div className="space-y-4">
      <SearchBox value={search} />
      <p aria-live="polite" className="text-sm text-slate-700" data-testid="sp-count">
        {query.isPending
          ? ""
          : total !== undefined
            ? `Showing ${formatCount(rows.length)} of ${formatCount(total)} service principals${search ? ` matching “${search}”` : ""}`
            : `Showing ${formatCount(rows.length)} service principals`}
      </p>
      {query.isPending ? <SkeletonLines lines={6} label="Loading service principals…" /> : null}
      {query.isError && rows.length === 0 ? (
        <GraphErrorPanel error={toErrorInfo(query.error)} action="load service principals" onRetry={() => query.refetch()} />
      ) : null}
      {query.isSuccess && rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
          {search ? `No service principal's display name matches “${search}”.` : "This tenant has no service principals."}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Service principals</caption>
            <thead className="bg-slate-100 text-slate-800">
              <tr>
                <th scope="col" className="px-4 py-2 font-semibold">Display name</th>
                <th scope="col" className="px-4 py-2 font-semibold">Application (client) id</th>
                <th scope="col" className="px-4 py-2 font-semibold">Publisher</th>
                <th scope="col" className="px-4 py-2 font-semibold">Provisioning</th>
              </tr>
            </thead>
            {chunks(rows, MAX_BATCH_SIZE).map((chunk) => (
              <ProvisioningRows key={chunk[0].id} rows={chunk} />
            ))}
          </table>
        </div>
      ) : null}
      {query.isError && rows.length > 0 ? (
        <GraphErrorPanel error={toErrorInfo(query.error)} action="load more service principals" onRetry={() => query.fetchNextPage()} />
      ) : null}
      {query.hasNextPage ? (
        <button
          type="button"
          onClick={() => query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
          aria-busy={query.isFetchingNextPage}
          className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70"
        >
          {query.isFetchingNextPage ? "Loading more…" : "Load more"}
        </button>
      ) : null}
    </div>
  );
}
