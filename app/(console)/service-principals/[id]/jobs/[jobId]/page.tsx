import { notFound } from "next/navigation";
import { JobView } from "@/components/jobs/job-view";
import { jobRouteIds } from "@/lib/validation/ids";

export const metadata = { title: "Provisioning job" };

export default async function JobPage({ params }: { params: Promise<{ id: string; jobId: string }> }) {
  const { id, jobId } = await params;
  const ids = jobRouteIds(id, jobId);
  // Malformed ids never reach Graph.
  if (!ids) notFound();
  return <JobView servicePrincipalId={ids.servicePrincipalId} jobId={ids.jobId} />;
}
