import { Suspense } from "react";
import { ServicePrincipalList } from "@/components/service-principals/service-principal-list";

export const metadata = { title: "Service principals" };

export default function ServicePrincipalsPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Service principals</h1>
        <p className="mt-1 text-slate-700">Find an application to see its provisioning templates and jobs.</p>
      </div>
      <Suspense>
        <ServicePrincipalList />
      </Suspense>
    </div>
  );
}
