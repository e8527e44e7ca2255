import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { recordGrantedScopes } from "@/lib/auth/granted-scopes";
import { emptyTotals, type FleetEntry, type FleetScan } from "@/lib/fleet/scan";
import { attentionItems, ATTENTION_LIMIT } from "@/lib/overview/attention";
import { groupFailures } from "@/lib/overview/failure-groups";
import { failuresByHour } from "@/lib/overview/hourly";
import type { RecentFailures } from "@/lib/overview/recent-failures";
import { toRecentActivityRow } from "@/lib/overview/recent-activity";
import { queryKeys } from "@/lib/query/keys";
import { ActivityList } from "./activity-list";
import { AttentionList } from "./attention-list";
import { LogsConsentGate } from "./logs-consent-gate";
import { FailuresBody } from "./failures-body";
import { OverviewJobs } from "./overview-jobs";
import { OverviewSummary } from "./overview-summary";
import { PeopleSearch } from "./people-search";

vi.mock("@/components/auth/use-graph-token", () => ({ useGraphToken: () => async () => "t", useFreshGraphToken: () => async () => "t" }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {} }) }));

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
const now = new Date("2026-12-01T14:37:00Z");
const job = (id: string, status: Record<string, unknown>) => ({ id, templateId: "scim", status }) as SynchronizationJob;
const entry = (id: string, jobs: SynchronizationJob[]): FleetEntry => ({ servicePrincipal: { id, displayName: `App ${id}`, appId: "a" }, jobs });
const quarantined = (reason: string) => ({ code: "Quarantine", quarantine: { reason, seriesBegan: "2026-12-01T10:00:00Z", currentBegan: "2026-12-01T10:00:00Z" } });

describe("OverviewSummary", () => {
  it("is the Jobs view's summary line with each count linking to the Jobs view filtered by it", () => {
    const html = renderToStaticMarkup(<OverviewSummary totals={{ ...emptyTotals(), Active: 3, Quarantine: 1, unknown: 2 }} scannedAt="2026-12-01T14:00:00Z" />);
    expect(text(html)).toBe("3 active · 1 quarantined · 0 paused · 0 not run · 0 not configured · 2 other");
    expect(html).toMatch(/data-testid="overview-summary"><p data-testid="fleet-summary" data-scanned-at="2026-12-01T14:00:00Z"/);
    expect(html).toMatch(/data-status="Quarantine" data-count="1"><a[^>]*href="\/jobs\?status=Quarantine"/);
    expect(html).toMatch(/data-status="NotConfigured" data-count="0"><a[^>]*href="\/jobs\?status=NotConfigured"/);
    expect(html).toMatch(/data-status="unknown" data-count="2"[^>]*><a[^>]*href="\/jobs"/);
  });
});

describe("AttentionList", () => {
  it("lists the jobs with their reason in words and a link to each, then 'and N more' into the quarantined jobs", () => {
    const entries = Array.from({ length: ATTENTION_LIMIT + 2 }, (_, i) => entry(`sp-${i}`, [job(`scim.${i}`, quarantined(i === 0 ? "TooManyDeletes" : "EncounteredQuarantineException"))]));
    const html = renderToStaticMarkup(<AttentionList items={attentionItems(entries, now)} />);
    expect(html.match(/data-testid="overview-attention-item"/g)).toHaveLength(ATTENTION_LIMIT);
    expect(html).toMatch(/data-testid="overview-attention-item" data-job="scim.0" data-reason="staged-deletes"/);
    expect(html).toContain('href="/service-principals/sp-1/jobs/scim.1"');
    expect(text(html)).toContain("Quarantined: invalid credentials · since ");
    expect(html).toMatch(/<a [^>]*data-testid="overview-attention-more" href="\/jobs\?status=Quarantine">and 2 more<\/a>/);
  });

  it("says when nothing needs attention, and leaves 'more' to the jobs list when the hidden ones are not quarantined", () => {
    expect(text(renderToStaticMarkup(<AttentionList items={[]} />))).toMatch(/^Nothing needs attention/);
    const failing = Array.from({ length: ATTENTION_LIMIT + 1 }, (_, i) => entry(`sp-${i}`, [job(`scim.${i}`, { code: "Active", lastExecution: { state: "Failed", timeBegan: "2026-12-01T10:00:00Z" } })]));
    expect(renderToStaticMarkup(<AttentionList items={attentionItems(failing, now)} />)).toMatch(/data-testid="overview-attention-more" href="\/jobs">and 1 more/);
  });
});

describe("FailuresBody", () => {
  const failures = (times: string[], codes: (string | null)[], truncated = false): RecentFailures => ({
    since: "2026-11-30T14:37:00.000Z",
    readAt: now.toISOString(),
    total: codes.length,
    truncated,
    groups: groupFailures(codes.map((code, i) => ({ at: times[i] ?? null, code, reason: null, recommendedAction: null, app: "AWS" }))),
    hours: failuresByHour(times, now),
  });

  it("groups by code with the count linking to the logs, Microsoft's advice, and the hours as chart and table", () => {
    const html = renderToStaticMarkup(<FailuresBody failures={failures(["2026-12-01T14:10:00Z", "2026-12-01T14:20:00Z", "2026-12-01T09:00:00Z"], ["MandatoryFieldsMissing", "MandatoryFieldsMissing", null])} />);
    expect(html).toMatch(/data-testid="overview-failures" data-total="3" data-truncated="false"/);
    expect(html).toMatch(/data-testid="overview-failure-group" data-code="MandatoryFieldsMissing" data-count="2"/);
    expect(html).toMatch(/data-testid="overview-failure-group" data-code="" data-count="1"/);
    expect(html).toContain('href="/logs?status=failure&amp;range=24h"');
    expect(text(html)).toContain("The user couldn't be created because required values are missing");
    expect(text(html)).toContain("From Microsoft's table of provisioning error codes");
    expect(html).toMatch(/data-testid="overview-failures-chart"[^>]*><svg role="img" aria-label="Failures per UTC hour, last 24 hours: 3 in total; the most, 2, in the hour from 2026-12-01 14:00; 23 of 25 hours had none\."/);
    expect(html.match(/<rect /g)).toHaveLength(25);
    expect(html).toMatch(/<details[^>]*><summary[^>]*>Show as table<\/summary><table[^>]*data-testid="overview-failures-table"/);
    expect(html).toContain('<tr data-hour="2026-12-01T14:00:00.000Z" data-count="2"');
    expect(html).toContain('<tr data-hour="2026-12-01T09:00:00.000Z" data-count="1"');
    expect(html.match(/<tr data-hour=/g)).toHaveLength(25);
    expect(html).not.toContain("overview-failures-bound");
  });

  it("says when nothing failed, and when the bound was hit", () => {
    expect(text(renderToStaticMarkup(<FailuresBody failures={failures([], [])} />))).toMatch(/^Nothing failed to provision in the last 24 hours/);
    const html = renderToStaticMarkup(<FailuresBody failures={failures(["2026-12-01T14:10:00Z"], ["X"], true)} />);
    expect(html).toContain('data-testid="overview-failures-bound"');
    expect(text(html)).toContain("more failures than the 10,000 the Overview reads");
  });
});

describe("ActivityList", () => {
  it("says who did what to which app, with a link to the app", () => {
    const row = toRecentActivityRow(
      {
        id: "a",
        activityDisplayName: "Quarantine",
        activityDateTime: "2026-12-01T14:00:00Z",
        result: "failure",
        resultReason: "TooManyDeletes",
        initiatedBy: { app: { displayName: "Azure AD Provisioning Service" } },
        targetResources: [{ id: "sp-1", displayName: "<b>Zoom</b>", type: "ServicePrincipal" }],
      },
      now,
    );
    const html = renderToStaticMarkup(<ActivityList rows={[row]} />);
    expect(html).toMatch(/data-testid="overview-activity-item" data-activity="Quarantine" data-result="failure" data-app="sp-1"/);
    expect(html).toContain('href="/service-principals/sp-1"');
    expect(html).toContain("&lt;b&gt;Zoom&lt;/b&gt;");
    expect(text(html)).toContain("Azure AD Provisioning Service: Quarantine · ");
    expect(text(html)).toContain("failure · TooManyDeletes");
    expect(renderToStaticMarkup(<ActivityList rows={[]} />)).toContain('data-testid="overview-activity"');
  });
});

describe("PeopleSearch", () => {
  it("is a labelled search form that goes to People", () => {
    const html = renderToStaticMarkup(<PeopleSearch />);
    expect(html).toMatch(/<form role="search" [^>]*action="\/people" method="get"/);
    const id = /<label for="([^"]+)"[^>]*>Find a person<\/label>/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toMatch(new RegExp(`<input id="${id}" type="search"[^>]*data-testid="overview-people-search" name="q"/>`));
  });
});

describe("OverviewJobs", () => {
  it("shows the scan the Jobs view cached (same query key): the summary and what needs attention", () => {
    const scan: FleetScan = {
      entries: [entry("sp-q", [job("sf.1", quarantined("EncounteredQuarantineException"))]), entry("sp-a", [job("aws.1", { code: "Active" })])],
      totals: { ...emptyTotals(), Quarantine: 1, Active: 1 },
      jobCount: 2,
      servicePrincipalCount: 20,
      failures: [],
      requests: { pages: 1, batches: 1 },
      scannedAt: "2026-12-01T14:30:00Z",
    };
    const client = new QueryClient();
    client.setQueryData(queryKeys.fleet(), scan);
    const html = renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <OverviewJobs />
      </QueryClientProvider>,
    );
    expect(html).toMatch(/data-testid="fleet-summary" data-scanned-at="2026-12-01T14:30:00Z"/);
    expect(text(html)).toContain("1 active · 1 quarantined");
    expect(html).toMatch(/data-testid="overview-attention" data-count="1"/);
    expect(html).toMatch(/data-job="sf.1" data-reason="quarantine"/);
    expect(html).not.toContain('data-testid="fleet-progress"');
  });
});

describe("LogsConsentGate", () => {
  afterEach(() => recordGrantedScopes(["Application.Read.All"]));
  it("shows the log sections when the token carries AuditLog.Read.All, and asks first when it does not", () => {
    recordGrantedScopes(["https://graph.microsoft.com/Application.Read.All", "https://graph.microsoft.com/AuditLog.Read.All"]);
    expect(renderToStaticMarkup(<LogsConsentGate what="the failures"><p>failures here</p></LogsConsentGate>)).toContain("failures here");
    recordGrantedScopes(["https://graph.microsoft.com/Application.Read.All", "https://graph.microsoft.com/Synchronization.ReadWrite.All"]);
    const html = renderToStaticMarkup(<LogsConsentGate what="the failures"><p>failures here</p></LogsConsentGate>);
    expect(html).not.toContain("failures here");
    expect(html).toContain('data-testid="overview-logs-consent"');
  });
});
