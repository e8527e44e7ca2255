import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { docExampleJob } from "@/test/support/doc-examples";
import { toJobCard } from "@/lib/jobs/job-card";
import { JobStatusCard } from "./job-status-card";

const now = new Date("2026-11-29T12:00:00Z");
const CREATE_RESPONSE = "beta/synchronization-synchronization-post-jobs__create_synchronizationjob_from_synchronization__response.http";

const quarantined: SynchronizationJob = {
  id: "SfOutDelta.e4bbf44533ea4eabb17027f3a92e9202",
  templateId: "SfOutDelta",
  schedule: { expiration: null, interval: "PT40M", state: "Active" },
  status: {
    code: "Quarantine",
    countSuccessiveCompleteFailures: 8,
    escrowsPruned: false,
    lastExecution: {
      countEntitled: 857,
      countImported: 1234,
      error: { code: "SalesforceInvalidCredentials", message: "Your Salesforce.com credentials are <b>invalid</b>.", tenantActionable: true },
      state: "Failed",
      timeBegan: "2026-11-29T08:04:04Z",
      timeEnded: "2026-11-29T08:04:09Z",
    },
    lastSuccessfulExecution: null,
    progress: [],
    quarantine: {
      currentBegan: "2026-11-29T08:04:04Z",
      nextAttempt: "2026-11-30T08:04:04Z",
      reason: "EncounteredQuarantineException",
      seriesBegan: "2026-11-26T14:04:04Z",
      seriesCount: 7,
      error: { code: "SalesforceInvalidCredentials", message: "Your Salesforce.com credentials are invalid.", tenantActionable: true },
    },
    steadyStateFirstAchievedTime: "0001-01-01T00:00:00Z",
    steadyStateLastAchievedTime: "0001-01-01T00:00:00Z",
    synchronizedEntryCountByType: [
      { key: "User to User", value: 12345 },
      { key: "Group to Group", value: 5 },
    ],
    troubleshootingUrl: "https://go.microsoft.com/fwlink/?linkid=2105915",
  },
};

function render(job: SynchronizationJob, props: Partial<Parameters<typeof JobStatusCard>[0]> = {}): string {
  return renderToStaticMarkup(<JobStatusCard card={toJobCard(job, now)} {...props} />);
}

describe("JobStatusCard", () => {
  it("shows a new job's sentinels in words", () => {
    const html = render(docExampleJob(CREATE_RESPONSE));
    expect(html).toContain('data-status="NotConfigured"');
    expect(html).toContain("Not configured</span>");
    expect(html).toContain("Job was not configured and never run. No authorization was provided.");
    expect(html).toContain('data-status="Disabled"');
    expect(html).toContain("Not scheduled");
    expect(html).toContain("No expiration");
    expect(html).toContain("Never");
    expect(html).toContain("No run yet.");
    expect(html).not.toContain("<time");
    expect(html).not.toContain('role="progressbar"');
  });

  it("labels the article by its heading and links it when given an href", () => {
    const html = render(quarantined, { href: "/service-principals/x/jobs/SfOutDelta.e4bb", headingLevel: 2 });
    const id = /<article aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`<h2 id="${id}"`);
    expect(html).toMatch(/<a[^>]*href="\/service-principals\/x\/jobs\/SfOutDelta.e4bb"[^>]*>SfOutDelta<span class="sr-only"> job<\/span><\/a>/);
    expect(html).toContain("<h3");
    // Sub-sections are headings, not named regions (a page of cards would repeat landmarks).
    expect(html).not.toContain("<section");
  });

  it("shows quarantine, the last run with counts, entry counts and the troubleshooting link", () => {
    const html = render(quarantined);
    expect(html).toContain('data-status="Quarantine"');
    expect(html).toContain('data-reason="EncounteredQuarantineException"');
    expect(html).toContain("Invalid credentials");
    expect(html).toContain("saved admin credentials are invalid");
    expect(html).toMatch(/<time dateTime="2026-11-26T14:04:04.000Z" title="26 Nov 2026, 14:04:04 UTC">2 days ago<\/time>/);
    expect(html).toContain(">in 20 hours</time>");
    expect(html).toMatch(/Times re-evaluated in this series<\/dt><dd[^>]*><span class="tabular-nums">7</);
    expect(html).toContain('data-status="Failed"');
    expect(html).toMatch(/data-count="imported">1,234</);
    expect(html).toMatch(/Consecutive failures<\/dt><dd[^>]*><span class="tabular-nums">8</);
    // Entry counts are sorted by type and formatted.
    expect(html.indexOf("Group to Group")).toBeLessThan(html.indexOf("User to User"));
    expect(html).toContain(">12,345<");
    // Graph's message is text, never markup.
    expect(html).toContain("&lt;b&gt;invalid&lt;/b&gt;");
    expect(html).toMatch(/<a href="https:\/\/go.microsoft.com\/fwlink\/\?linkid=2105915" target="_blank" rel="noopener noreferrer"[^>]*>Troubleshooting steps <span[^>]*>\(opens in new tab\)<\/span><\/a>/);
    expect(html).toContain("None yet");
  });

  it("links to the job's logs when given a logs href", () => {
    const html = render(quarantined, { logsHref: "/service-principals/x/jobs/SfOutDelta.e4bb/logs?cycle=c.7" });
    const link = /<a[^>]*data-testid="job-logs-link"[^>]*>(.*?)<\/a>/.exec(html);
    expect(link?.[0]).toContain('href="/service-principals/x/jobs/SfOutDelta.e4bb/logs?cycle=c.7"');
    expect(link?.[1]).toBe('Logs<span class="sr-only"> of job SfOutDelta.e4bbf44533ea4eabb17027f3a92e9202</span>');
    expect(render(quarantined)).not.toContain("job-logs-link");
  });

  it("renders no link for a hostile troubleshooting URL", () => {
    const html = render({ ...quarantined, status: { ...quarantined.status, troubleshootingUrl: "javascript:alert(1)" } });
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("Troubleshooting steps");
  });

  it("renders the actions slot and a copy button for the job id", () => {
    const html = render(quarantined, { actions: <button type="button">Start</button> });
    expect(html).toContain("<button type=\"button\">Start</button>");
    expect(html).toContain('aria-label="Copy job ID"');
    expect(html).toContain('role="status" aria-live="polite"');
  });

  it("shows initial-cycle progress and unknown codes with their raw value", () => {
    const html = render({
      id: "scim.1",
      templateId: "scim",
      schedule: { interval: "PT40M", state: "Sleeping" as never },
      status: { code: "NotRun", progress: [{ completedUnits: 1025, totalUnits: 3024, units: "pages", progressObservationDateTime: "2026-11-29T11:59:00Z" }] },
    });
    expect(html).toContain('role="progressbar"');
    expect(html).toContain("Initial cycle");
    expect(html).toContain("1,025 of 3,024 pages (33%)");
    expect(html).toContain('data-status="unknown"');
    expect(html).toContain("Sleeping</span>");
  });

  it("links to the job's Configure page and says when no admin credentials are saved", () => {
    const configureHref = "/service-principals/sp/jobs/SfOutDelta.1/configure";
    const html = render(quarantined, { configureHref, credentials: "missing" });
    const link = html.match(/<a[^>]*data-testid="job-configure-link"[^>]*>Configure<span class="sr-only"> job SfOutDelta[^<]*<\/span><\/a>/)?.[0];
    expect(link).toContain(`href="${configureHref}"`);
    expect(html).toMatch(/data-testid="job-credentials-missing" data-credentials="missing">No admin credentials are saved/);
    expect(render(quarantined, { configureHref, credentials: "incomplete" })).toContain("Some admin credentials of this application are not saved");
    for (const credentials of ["saved", "not-needed", undefined] as const) expect(render(quarantined, { configureHref, credentials })).not.toContain("job-credentials-missing");
    expect(render(quarantined)).not.toContain("job-configure-link");
  });
});
