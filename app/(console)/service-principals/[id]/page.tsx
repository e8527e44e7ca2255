import { notFound } from "next/navigation";
import { ServicePrincipalView } from "@/components/service-principals/service-principal-view";
import { idProblem, servicePrincipalId } from "@/lib/validation/ids";

export const metadata = { title: "Service principal" };

export default async function ServicePrincipalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // A malformed id never reaches Graph.
  if (idProblem(servicePrincipalId, id)) notFound();
  return <ServicePrincipalView id={id.toLowerCase()} />;
}
