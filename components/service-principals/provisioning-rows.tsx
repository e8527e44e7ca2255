"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useGraph } from "@/components/graph/use-graph";
import { queryKeys } from "@/lib/query/keys";
import { jobsOfServicePrincipals, type ServicePrincipalRow } from "@/lib/graph/service-principals";
import { routes } from "@/lib/routes";
import { ProvisioningCell } from "./provisioning-cell";

/** Becomes true once the element has been on screen (and stays true). */
function useSeen<T extends Element>() {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || seen) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);
  return [ref, seen] as const;
}

/** Up to 20 rows whose provisioning column is filled by one $batch once they scroll into view. */
export function ProvisioningRows({ rows }: { rows: ServicePrincipalRow[] }) {
  const graph = useGraph();
  const [ref, seen] = useSeen<HTMLTableSectionElement>();
  const ids = rows.map((row) => row.id!);
  const jobs = useQuery({
    queryKey: queryKeys.jobsOfServicePrincipals(ids),
    queryFn: () => jobsOfServicePrincipals(graph, ids),
    enabled: seen,
  });

  return (
    <tbody ref={ref} className="divide-y divide-slate-100 border-t border-slate-100">
      {rows.map((row) => (
        <tr key={row.id} className="hover:bg-slate-50">
          <th scope="row" className="px-4 py-2 font-medium">
            <Link href={routes.servicePrincipal(row.id!)} prefetch={false} className="text-brand-700 underline-offset-2 hover:underline">
              {row.displayName || "(no display name)"}
            </Link>
          </th>
          <td className="px-4 py-2 font-mono text-xs text-slate-700">{row.appId}</td>
          <td className="px-4 py-2 text-slate-700">{row.publisherName ?? ""}</td>
          <td className="px-4 py-2">
            <ProvisioningCell result={jobs.data?.[row.id!]} failed={jobs.isError} />
          </td>
        </tr>
      ))}
    </tbody>
  );
}
