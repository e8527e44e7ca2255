import { PageHeader } from "@/components/ui/page-header";
import { OverviewView } from "@/components/overview/overview-view";

export const metadata = { title: "Overview" };

export default function OverviewPage() {
  return (
    <div className="space-y-6">
      <PageHeader title="Overview">The tenant&apos;s provisioning at a glance: its jobs, what needs attention, the last day&apos;s failures and the latest changes.</PageHeader>
      <OverviewView />
    </div>
  );
}
