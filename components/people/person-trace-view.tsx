"use client";

import Link from "next/link";
import { LogsAccessProblem } from "@/components/auth/logs-access-problem";
import { DirectoryAccessProblem } from "@/components/on-demand/directory-access-problem";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { SkeletonLines } from "@/components/ui/skeleton";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { logsAccessError } from "@/lib/logs/access-error";
import { routes } from "@/lib/routes";
import { PersonApps } from "./person-apps";
import { PersonHeader } from "./person-header";
import { PersonRequests } from "./person-requests";
import { TraceProblems } from "./trace-problems";
import { usePersonTrace } from "./use-person-trace";

/** /people/{id}: where this person is provisioned — their trace (2 round trips) read against the shared fleet scan. */
export function PersonTraceView({ userId }: { userId: string }) {
  const query = usePersonTrace(userId);
  const retry = () => void query.refetch();

  if (query.isPending) return <SkeletonLines lines={5} label="Reading the person's groups, assignments and provisioning events…" />;
  if (query.isError) {
    const access = logsAccessError(query.error);
    return access ? <LogsAccessProblem error={access} what="a person's provisioning" /> : <GraphErrorPanel error={toErrorInfo(query.error)} action="read the person's provisioning" onRetry={retry} />;
  }

  const { trace, requests, roundTrips, calls } = query.data;
  let body;
  if (trace.user.ok) {
    body = (
      <>
        <PersonHeader user={trace.user.value} directGroups={trace.directGroups} groups={trace.groups} />
        <TraceProblems trace={trace} onRetry={retry} />
        <PersonApps trace={trace} user={trace.user.value} />
      </>
    );
  } else if (trace.user.error.kind === "not-found") {
    body = (
      <div className="rounded-lg border border-amber-200 bg-amber-50 p-6 text-amber-950" data-testid="person-not-found">
        <h2 className="text-lg font-semibold">No such person</h2>
        <p className="mt-1">No user in this tenant has the object id {userId}. They may have been deleted.</p>
        <p className="mt-3">
          <Link href={routes.people()} prefetch={false} className="font-medium text-brand-700 underline">
            Search people
          </Link>
        </p>
      </div>
    );
  } else if (trace.user.error.kind === "forbidden") {
    body = <DirectoryAccessProblem error={trace.user.error} />;
  } else {
    body = <GraphErrorPanel error={trace.user.error} action="read the person" onRetry={retry} />;
  }

  return (
    <div className="space-y-5" data-testid="person-trace" data-user-id={userId}>
      {body}
      <PersonRequests requests={requests} roundTrips={roundTrips} calls={calls} />
    </div>
  );
}
