import { Suspense } from "react";
import { PeopleSearch } from "@/components/people/people-search";
import { PageHeader } from "@/components/ui/page-header";
import { SkeletonLines } from "@/components/ui/skeleton";

export const metadata = { title: "People" };

export default function PeoplePage() {
  return (
    <div className="space-y-6">
      <PageHeader title="People">Where is this person provisioned? Find someone to see every app with a provisioning job that concerns them.</PageHeader>
      <Suspense fallback={<SkeletonLines lines={3} label="Loading the search…" />}>
        <PeopleSearch />
      </Suspense>
    </div>
  );
}
