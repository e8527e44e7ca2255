import { notFound } from "next/navigation";
import { ConfigureView } from "@/components/jobs/configure/configure-view";
import { jobRouteIds } from "@/lib/validation/ids";

export const metadata = { title: "Configure provisioning" };

export default async function ConfigurePage({ params }: { params: Promise<{ id: string; jobId: string }> }) {
  const { id, jobId } = await params;
  const ids = jobRouteIds(id, jobId);
  // Malformed ids never reach Graph.
  if (!ids) notFound();
  return <ConfigureView servicePrincipalId={ids.servicePrincipalId} jobId={ids.jobId} />;
}
