import { notFound } from "next/navigation";
import { Suspense } from "react";
import { MappingsView } from "@/components/mappings/mappings-view";
import { SkeletonLines } from "@/components/ui/skeleton";
import { idProblem, jobId as jobIdSchema, servicePrincipalId } from "@/lib/validation/ids";

export const metadata = { title: "Attribute mappings of a job" };

export default async function JobMappingsPage({ params }: { params: Promise<{ id: string; jobId: string }> }) {
  const { id, jobId } = await params;
  // Malformed ids never reach Graph.
  if (idProblem(servicePrincipalId, id) || idProblem(jobIdSchema, jobId)) notFound();
  return (
    <Suspense fallback={<SkeletonLines lines={6} label="Loading attribute mappings…" />}>
      <MappingsView servicePrincipalId={id.toLowerCase()} jobId={jobId} />
    </Suspense>
  );
}
