import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { ServicePrincipalList } from "@/components/service-principals/service-principal-list";

export const metadata = { title: "Service principals" };

export default function ServicePrincipalsPage() {
  return (
    <div className="space-y-6">
      <PageHeader title="Service principals">Find an application to see its provisioning templates and jobs.</PageHeader>
      <Suspense>
        <ServicePrincipalList />
      </Suspense>
    </div>
  );
}
