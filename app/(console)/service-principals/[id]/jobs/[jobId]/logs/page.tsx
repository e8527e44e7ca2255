import { notFound } from "next/navigation";
import { Suspense } from "react";
import { JobLogsView } from "@/components/logs/job-logs-view";
import { SkeletonLines } from "@/components/ui/skeleton";
import { jobRouteIds } from "@/lib/validation/ids";

export const metadata = { title: "Provisioning logs of a job" };

export default async function JobLogsPage({ params }: { params: Promise<{ id: string; jobId: string }> }) {
  const { id, jobId } = await params;
  const ids = jobRouteIds(id, jobId);
  // Malformed ids never reach Graph.
  if (!ids) notFound();
  return (
    <Suspense fallback={<SkeletonLines lines={6} label="Loading provisioning logs…" />}>
      <JobLogsView servicePrincipalId={ids.servicePrincipalId} jobId={ids.jobId} />
    </Suspense>
  );
}
