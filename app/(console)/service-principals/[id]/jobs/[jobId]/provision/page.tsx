import { notFound } from "next/navigation";
import { Suspense } from "react";
import { OnDemandView } from "@/components/on-demand/on-demand-view";
import { SkeletonLines } from "@/components/ui/skeleton";
import { idProblem, jobId as jobIdSchema, servicePrincipalId } from "@/lib/validation/ids";

export const metadata = { title: "Provision on demand" };

export default async function ProvisionOnDemandPage({ params }: { params: Promise<{ id: string; jobId: string }> }) {
  const { id, jobId } = await params;
  // Malformed ids never reach Graph.
  if (idProblem(servicePrincipalId, id) || idProblem(jobIdSchema, jobId)) notFound();
  return (
    <Suspense fallback={<SkeletonLines lines={6} label="Loading provision on demand…" />}>
      <OnDemandView servicePrincipalId={id.toLowerCase()} jobId={jobId} />
    </Suspense>
  );
}
