import { notFound } from "next/navigation";
import { Suspense } from "react";
import { JobLogsView } from "@/components/logs/job-logs-view";
import { SkeletonLines } from "@/components/ui/skeleton";
import { idProblem, jobId as jobIdSchema, servicePrincipalId } from "@/lib/validation/ids";

export const metadata = { title: "Provisioning logs of a job" };

export default async function JobLogsPage({ params }: { params: Promise<{ id: string; jobId: string }> }) {
  const { id, jobId } = await params;
  // Malformed ids never reach Graph.
  if (idProblem(servicePrincipalId, id) || idProblem(jobIdSchema, jobId)) notFound();
  return (
    <Suspense fallback={<SkeletonLines lines={6} label="Loading provisioning logs…" />}>
      <JobLogsView servicePrincipalId={id.toLowerCase()} jobId={jobId} />
    </Suspense>
  );
}
