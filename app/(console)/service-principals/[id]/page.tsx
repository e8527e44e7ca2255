import { notFound } from "next/navigation";
import { ServicePrincipalView } from "@/components/service-principals/service-principal-view";
import { routeGuid, servicePrincipalId } from "@/lib/validation/ids";

export const metadata = { title: "Service principal" };

export default async function ServicePrincipalPage({ params }: { params: Promise<{ id: string }> }) {
  const spId = routeGuid(servicePrincipalId, (await params).id);
  // A malformed id never reaches Graph.
  if (!spId) notFound();
  return <ServicePrincipalView id={spId} />;
}
