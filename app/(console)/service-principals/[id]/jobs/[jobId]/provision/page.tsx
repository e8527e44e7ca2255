import { notFound } from "next/navigation";
import { Suspense } from "react";
import { OnDemandView } from "@/components/on-demand/on-demand-view";
import { SkeletonLines } from "@/components/ui/skeleton";
import { jobRouteIds } from "@/lib/validation/ids";

export const metadata = { title: "Provision on demand" };

export default async function ProvisionOnDemandPage({ params }: { params: Promise<{ id: string; jobId: string }> }) {
  const { id, jobId } = await params;
  const ids = jobRouteIds(id, jobId);
  // Malformed ids never reach Graph.
  if (!ids) notFound();
  return (
    <Suspense fallback={<SkeletonLines lines={6} label="Loading provision on demand…" />}>
      <OnDemandView servicePrincipalId={ids.servicePrincipalId} jobId={ids.jobId} />
    </Suspense>
  );
}
