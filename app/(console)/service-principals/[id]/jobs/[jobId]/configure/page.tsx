import { notFound } from "next/navigation";
import { ConfigureView } from "@/components/jobs/configure/configure-view";
import { idProblem, jobId as jobIdSchema, servicePrincipalId } from "@/lib/validation/ids";

export const metadata = { title: "Configure provisioning" };

export default async function ConfigurePage({ params }: { params: Promise<{ id: string; jobId: string }> }) {
  const { id, jobId } = await params;
  // Malformed ids never reach Graph.
  if (idProblem(servicePrincipalId, id) || idProblem(jobIdSchema, jobId)) notFound();
  return <ConfigureView servicePrincipalId={id.toLowerCase()} jobId={jobId} />;
}
