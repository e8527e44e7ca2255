import { Suspense } from "react";
import { FleetView } from "@/components/fleet/fleet-view";
import { SkeletonLines } from "@/components/ui/skeleton";

export const metadata = { title: "Jobs" };

export default function JobsPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Provisioning jobs</h1>
        <p className="mt-1 text-slate-700">Every provisioning job of the tenant, found by scanning all service principals. Quarantined jobs come first.</p>
      </div>
      <Suspense fallback={<SkeletonLines lines={4} label="Loading provisioning jobs…" />}>
        <FleetView />
      </Suspense>
    </div>
  );
}
