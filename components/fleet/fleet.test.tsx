import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { emptyTotals, type FleetProgress as Progress } from "@/lib/fleet/scan";
import { toFleetRows } from "@/lib/fleet/rows";
import { FleetFailures } from "./fleet-failures";
import { FleetScanProgress } from "./fleet-scan-progress";
import { FleetSummary } from "./fleet-summary";
import { FleetTable } from "./fleet-table";
import { PagedFleetTable } from "./paged-fleet-table";
import { StatusFilter } from "./status-filter";

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
const progress = (p: Partial<Progress>): Progress => ({ scanned: 0, seen: 0, listed: false, pages: 0, batchesDone: 0, jobsFound: 0, ...p });

describe("FleetSummary", () => {
  it("shows the summary line with each count in a data-status element", () => {
    const html = renderToStaticMarkup(<FleetSummary totals={{ ...emptyTotals(), Active: 3, Quarantine: 1, NotConfigured: 2 }} />);
    expect(text(html)).toBe("3 active · 1 quarantined · 0 paused · 0 not run · 2 not configured");
    expect(html).toContain('<span data-status="Quarantine" data-count="1">1 quarantined</span>');
    expect(html).toContain('data-testid="fleet-summary"');
    expect(html).not.toContain('data-status="unknown"');
  });
});

describe("FleetScanProgress", () => {
  it("says how far the scan is, with a progressbar", () => {
    const valueText = (p: Progress | null) => /aria-valuetext="([^"]*)"/.exec(renderToStaticMarkup(<FleetScanProgress progress={p} />))?.[1];
    expect(valueText(null)).toBe("Listing service principals…");
    expect(valueText(progress({ scanned: 1234, seen: 1998 }))).toBe("Scanned 1,234 of 1,998 service principals (listing more…)");
    expect(valueText(progress({ scanned: 1234, seen: 5021, listed: true }))).toBe("Scanned 1,234 of 5,021 service principals");
    const html = renderToStaticMarkup(<FleetScanProgress progress={progress({ scanned: 40, seen: 999, jobsFound: 6 })} />);
    expect(html).toMatch(/role="progressbar"[^>]*aria-valuemax="999" aria-valuenow="40" aria-valuetext="Scanned 40 of 999 service principals \(listing more…\)"/);
    expect(text(html)).toContain("6 jobs found so far");
  });

  it("has no value while the first page is on its way", () => {
    const html = renderToStaticMarkup(<FleetScanProgress progress={null} />);
    expect(html).not.toContain("aria-valuenow");
  });
});

describe("StatusFilter", () => {
  it("is a group of toggle buttons whose pressed state follows the URL's selection", () => {
    const html = renderToStaticMarkup(<StatusFilter selected={["Quarantine"]} totals={{ ...emptyTotals(), Quarantine: 4 }} onChange={() => {}} />);
    expect(html).toContain('role="group" aria-label="Filter jobs by status"');
    expect(html).toMatch(/<button type="button" aria-pressed="false"[^>]*>All<\/button>/);
    expect(html).toMatch(/aria-pressed="true" data-filter="Quarantine"[^>]*>Quarantined<span[^>]*> 4<\/span>/);
    expect(html.match(/aria-pressed="false"/g)).toHaveLength(5);
  });
});

describe("FleetTable", () => {
  it("links the app to its SP page and the job to its deep link, with badges and Never", () => {
    const rows = toFleetRows([
      { servicePrincipal: { id: "sp-1", displayName: "<img src=x onerror=alert(1)>", appId: "a" }, jobs: [{ id: "scim.1", templateId: "scim", status: { code: "Paused" }, schedule: { state: "Paused" } }] },
    ]);
    const html = renderToStaticMarkup(<FleetTable rows={rows} caption="All provisioning jobs" />);
    expect(html).toContain('href="/service-principals/sp-1"');
    expect(html).toContain('href="/service-principals/sp-1/jobs/scim.1"');
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain('data-status="Paused" data-kind="status"');
    expect(html).toContain('data-kind="schedule"');
    expect(html).toContain("<caption class=\"sr-only\">All provisioning jobs</caption>");
    expect(text(html)).toContain("Never");
  });
});

describe("PagedFleetTable", () => {
  /** The rows per step (paged-fleet-table.tsx). */
  const FLEET_PAGE_ROWS = 100;
  const rowsOf = (count: number) =>
    toFleetRows(Array.from({ length: count }, (_, i) => ({ servicePrincipal: { id: `sp-${i}`, displayName: `App ${i}`, appId: "a" }, jobs: [{ id: `scim.${i}`, templateId: "scim" }] })));
  const rowCount = (html: string) => html.match(/<tr data-sp-id=/g)?.length ?? 0;

  it("shows the first rows of a long table, with Show more and Show all", () => {
    const rows = rowsOf(250);
    const html = renderToStaticMarkup(<PagedFleetTable rows={rows} caption="All provisioning jobs" />);
    expect(rowCount(html)).toBe(FLEET_PAGE_ROWS);
    expect(html).toContain(`data-sp-id="${rows[FLEET_PAGE_ROWS - 1].servicePrincipalId}"`);
    expect(html).not.toContain(`data-sp-id="${rows[FLEET_PAGE_ROWS].servicePrincipalId}"`);
    expect(text(html)).toContain(`Showing ${FLEET_PAGE_ROWS} of 250 jobs.`);
    expect(html).toMatch(/<button type="button"[^>]*>Show 100 more<\/button>/);
    expect(html).toMatch(/<button type="button"[^>]*>Show all 250<\/button>/);
  });

  it("offers no more than is left, and nothing when every row fits", () => {
    expect(text(renderToStaticMarkup(<PagedFleetTable rows={rowsOf(130)} caption="c" />))).toContain("Show 30 more");
    const short = renderToStaticMarkup(<PagedFleetTable rows={rowsOf(FLEET_PAGE_ROWS)} caption="c" />);
    expect(rowCount(short)).toBe(FLEET_PAGE_ROWS);
    expect(short).not.toContain("<button");
    expect(short).not.toContain("fleet-shown");
  });
});

describe("FleetFailures", () => {
  it("groups SPs by cause and names a few of them", () => {
    const sps = Array.from({ length: 7 }, (_, i) => ({ id: `sp-${i}`, displayName: `App ${i}`, appId: "" }));
    const html = renderToStaticMarkup(
      <FleetFailures failures={[{ error: { kind: "throttled", status: 429, code: "TooManyRequests", message: "", retryAfterSeconds: 40 }, servicePrincipals: sps }]} onRescan={() => {}} />,
    );
    expect(text(html)).toContain("The jobs of 7 service principals could not be read");
    expect(text(html)).toContain("App 0, App 1, App 2, App 3, App 4 and 2 more");
    expect(text(html)).toContain("TooManyRequests, HTTP 429");
    expect(renderToStaticMarkup(<FleetFailures failures={[]} onRescan={() => {}} />)).toBe("");
  });
});
