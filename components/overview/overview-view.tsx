"use client";

import dynamic from "next/dynamic";
import { SkeletonLines } from "@/components/ui/skeleton";
import { LogsConsentGate } from "./logs-consent-gate";
import { OverviewJobs } from "./overview-jobs";
import { PeopleSearch } from "./people-search";

/*
 * The logs' sections are their own chunks: the page's first load is the jobs' part. They mount with it and
 * read in parallel with the scan (another origin: Graph, not the console), never ahead of the summary.
 */
const OverviewFailures = dynamic(() => import("./overview-failures"), { ssr: false, loading: () => <SkeletonLines lines={4} label="Reading the failures of the last 24 hours…" /> });
const OverviewActivity = dynamic(() => import("./overview-activity"), { ssr: false, loading: () => <SkeletonLines lines={3} label="Loading the recent activity…" /> });

/** The tenant's provisioning health at a glance (`/`). */
export function OverviewView() {
  return (
    <div className="space-y-8" data-testid="overview">
      <PeopleSearch />
      <OverviewJobs />
      <section aria-labelledby="overview-failures-heading" className="space-y-3">
        <h2 id="overview-failures-heading" className="text-lg font-semibold">
          Failures in the last 24 hours
        </h2>
        <LogsConsentGate what="the failures">
          <OverviewFailures />
        </LogsConsentGate>
      </section>
      <section aria-labelledby="overview-activity-heading" className="space-y-3">
        <h2 id="overview-activity-heading" className="text-lg font-semibold">
          Recent configuration activity
        </h2>
        <LogsConsentGate what="the activity">
          <OverviewActivity />
        </LogsConsentGate>
      </section>
    </div>
  );
}
