import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { docExampleBody } from "@/test/support/doc-examples";
import { OnDemandResult } from "./on-demand-result";

const SKIPPED = docExampleBody<{ key: string; value: string }>("v1.0/synchronization-synchronizationjob-provisionondemand__synchronizationjob_provisionondemand_ADto3P__response.http");
const render = (answer: { key: string; value: string }) =>
  renderToStaticMarkup(<OnDemandResult servicePrincipalId="sp" jobId="job" subject={{ type: "user", id: "u" }} answer={answer} sentAt={0} />);
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe("OnDemandResult", () => {
  it("shows the docs' skipped user: verdict, reason, why in scope in words, and the steps with the logs' renderer", () => {
    const html = render(SKIPPED);
    expect(html).toContain('data-testid="on-demand-result" data-result="skipped"');
    expect(html).toContain('data-testid="on-demand-reason" data-code="RedundantExport"');
    expect(html).toContain("The state of the user in both the source and target systems already match.");
    expect(html).toContain('data-testid="on-demand-scope" data-in-scope="true"');
    expect(html).toMatch(/data-holds="true"><span aria-hidden="true">✓ <\/span>Assigned to the application: yes/);
    expect(count(html, 'data-testid="on-demand-step"')).toBe(4);
    expect(html).toContain('data-testid="on-demand-step" data-step-type="export" data-status="skipped"');
    // What was set: old → new, as the logs' detail shows it.
    expect(html).toContain('data-testid="logs-modified-properties"');
    expect(html).not.toContain('data-testid="logs-detail-close"');
  });

  it("shows a failure's error with its recommended action, and says plainly when Graph sent no record", () => {
    const failure = {
      key: JSON.stringify({ result: "Failure", details: { errorCode: "MandatoryFieldsMissing", errorMessage: "Required fields are missing." } }),
      value: JSON.stringify({ action: "Create", changeId: "c", statusInfo: { status: "Failure", errorCode: "MandatoryFieldsMissing", reason: "name.givenName is required." }, provisioningSteps: [] }),
    };
    const html = render(failure);
    expect(html).toContain('data-result="failure"');
    expect(html).toContain('data-testid="logs-error-code">MandatoryFieldsMissing');
    expect(render({ key: JSON.stringify({ result: "Success", details: {} }), value: "{}" })).toContain("Graph sent no record of the steps.");
  });
});
