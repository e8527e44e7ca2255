import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { FleetView } from "@/components/fleet/fleet-view";
import { SkeletonLines } from "@/components/ui/skeleton";

export const metadata = { title: "Jobs" };

export default function JobsPage() {
  return (
    <div className="space-y-6">
      <PageHeader title="Provisioning jobs">Every provisioning job of the tenant, found by scanning all service principals. Quarantined jobs come first.</PageHeader>
      <Suspense fallback={<SkeletonLines lines={4} label="Loading provisioning jobs…" />}>
        <FleetView />
      </Suspense>
    </div>
  );
}
