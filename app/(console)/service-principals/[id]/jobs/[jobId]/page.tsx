import { notFound } from "next/navigation";
import { JobView } from "@/components/jobs/job-view";
import { idProblem, jobId as jobIdSchema, servicePrincipalId } from "@/lib/validation/ids";

export const metadata = { title: "Provisioning job" };

export default async function JobPage({ params }: { params: Promise<{ id: string; jobId: string }> }) {
  const { id, jobId } = await params;
  // Malformed ids never reach Graph.
  if (idProblem(servicePrincipalId, id) || idProblem(jobIdSchema, jobId)) notFound();
  return <JobView servicePrincipalId={id.toLowerCase()} jobId={jobId} />;
}
