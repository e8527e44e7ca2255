import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { toLogEntryView } from "@/lib/logs/entry-view";
import { docExampleBody } from "@/test/support/doc-examples";
import { LogEntryDetail } from "./log-entry-detail";
import { ProvisioningSteps } from "./provisioning-steps";
import { toStepViews } from "@/lib/logs/provisioning-step";

const now = new Date("2019-06-25T20:53:08Z");
const failed = docExampleBody("docs/examples/v1.0/provisioningobjectsummary-list__list_provisioningobjectsummary_error__response.http").value[0];
const succeeded = docExampleBody("docs/examples/v1.0/provisioningobjectsummary-list__list_provisioningobjectsummary__response.http").value[0];
const render = (entry: typeof failed) => renderToStaticMarkup(<LogEntryDetail entry={toLogEntryView(entry, now)} closeHref="/logs?status=failure" />);
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe("LogEntryDetail", () => {
  it("shows the steps with their type and status, for tests to find", () => {
    const html = render(failed);
    expect(html).toContain('data-testid="logs-detail" data-entry-id="gc532ff9-r265-ec76-861e-42e2970a8218"');
    expect(count(html, 'data-testid="logs-step"')).toBe(3);
    expect(html).toContain('data-testid="logs-step" data-step-type="export" data-status="failure"');
    expect(html).toContain("Failed to create Group &#x27;Self-service Pilot&#x27; in Contoso");
    expect(html).toMatch(/<dt[^>]*>ReportableIdentifier<\/dt><dd[^>]*>Self-service Pilot<\/dd>/);
  });

  it("shows the error's code, reason and recommended action", () => {
    const html = render(failed);
    expect(html).toMatch(/data-testid="logs-error-code">ContosoEntryConflict<span[^>]*> \(nonServiceFailure\)<\/span>/);
    expect(html).toMatch(/data-testid="logs-error-reason">Message: Contoso returned an error response/);
    expect(html).toMatch(/data-testid="logs-error-recommended-action" data-source="docs">Correct the conflicting attribute values/);
  });

  it("shows modified properties old → new, and every id with a copy button", () => {
    const html = render(failed);
    expect(html).toContain('data-testid="logs-modified-properties"');
    expect(html).toMatch(/<tr data-property="mailEnabled"><th[^>]*>mailEnabled<\/th><td[^>]*><span[^>]*>\(none\)<\/span><\/td><td[^>]*><span[^>]*>False<\/span><\/td><\/tr>/);
    expect(html).toContain('data-testid="logs-ids"');
    expect(html).toContain('data-id-key="changeId"');
    expect(html).toContain('aria-label="Copy Change ID"');
    expect(count(html, 'aria-label="Copy ')).toBe(7);
    expect(html).toContain('href="/logs?status=failure"');
  });

  it("has no troubleshooting section without an error", () => {
    const html = render(succeeded);
    expect(html).not.toContain('data-testid="logs-error"');
    expect(html).toContain('data-status="success"');
  });
});

describe("ProvisioningSteps", () => {
  it("says when there are no steps, and takes its test ids from the screen that uses it", () => {
    expect(renderToStaticMarkup(<ProvisioningSteps steps={[]} />)).toContain("reported no steps");
    const html = renderToStaticMarkup(<ProvisioningSteps steps={toStepViews(failed.provisioningSteps)} testIdPrefix="on-demand" />);
    expect(count(html, 'data-testid="on-demand-step"')).toBe(3);
    expect(html).toContain('data-testid="on-demand-steps"');
  });
});
