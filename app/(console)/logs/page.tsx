import { Suspense } from "react";
import { LogsView } from "@/components/logs/logs-view";
import { PageHeader } from "@/components/ui/page-header";
import { SkeletonLines } from "@/components/ui/skeleton";

export const metadata = { title: "Provisioning logs" };

export default function LogsPage() {
  return (
    <div className="space-y-6">
      <PageHeader title="Provisioning logs">What every provisioning job of the tenant did to each user and group, newest first. Logs are kept for 30 days.</PageHeader>
      <Suspense fallback={<SkeletonLines lines={6} label="Loading provisioning logs…" />}>
        <LogsView scope={{ kind: "tenant" }} />
      </Suspense>
    </div>
  );
}
