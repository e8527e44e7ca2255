import type { SynchronizationJob, SynchronizationTemplate } from "@microsoft/microsoft-graph-types-beta";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CreateJobError } from "./create-job-error";
import { CreatedJob } from "./created-job";
import { preselectedTemplate, TemplateChoices } from "./template-choices";

const SP_ID = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d08";
const created: SynchronizationJob = {
  id: "zoom.0123456789abcdef0123456789abcdef",
  templateId: "zoom",
  schedule: { expiration: null, interval: "P10675199DT2H48M5.4775807S", state: "Disabled" },
  status: { code: "NotConfigured", countSuccessiveCompleteFailures: 0, escrowsPruned: false, steadyStateFirstAchievedTime: "0001-01-01T00:00:00Z", steadyStateLastAchievedTime: "0001-01-01T00:00:00Z", synchronizedEntryCountByType: [], quarantine: null, troubleshootingUrl: null },
};

describe("CreatedJob", () => {
  it("renders the returned job in the status card, its deep link and the next steps", () => {
    const html = renderToStaticMarkup(<CreatedJob servicePrincipalId={SP_ID} job={created} />);
    expect(html).toContain('data-testid="job-status-card"');
    expect(html).toContain('data-status="Disabled"');
    expect(html).toContain('data-status="NotConfigured"');
    expect(html).toContain("Not scheduled");
    expect(html).toContain(`href="/service-principals/${SP_ID}/jobs/zoom.0123456789abcdef0123456789abcdef"`);
    expect(html).toMatch(/admin credentials/);
    expect(html.match(/<a[^>]*data-testid="created-job-configure-link"[^>]*>/)?.[0]).toContain(`href="/service-principals/${SP_ID}/jobs/zoom.0123456789abcdef0123456789abcdef/configure"`);
    expect(html).toMatch(/Start the job/);
    expect(html).not.toContain("recovered-note");
  });
  it("says when the answer was lost but the job list showed the job", () => {
    const html = renderToStaticMarkup(
      <CreatedJob servicePrincipalId={SP_ID} job={created} recoveredFrom={{ kind: "network", status: 0, code: "NetworkError", message: "", ambiguous: true }} />,
    );
    expect(html).toContain("recovered-note");
    expect(html).toContain("NetworkError");
  });
});

describe("CreateJobError", () => {
  it("shows the words, Graph's code, the request id with a copy button, and the wait", () => {
    const html = renderToStaticMarkup(
      <CreateJobError
        error={{ kind: "throttled", status: 429, code: "TooManyRequests", message: "", requestId: "1b2c3d4e-0000-4000-8000-000000000001", retryAfterSeconds: 9 }}
        templateId="zoom"
        secondsLeft={9}
      />,
    );
    expect(html).toContain("throttling");
    expect(html).toContain("TooManyRequests (HTTP 429)");
    expect(html).toContain("1b2c3d4e-0000-4000-8000-000000000001");
    expect(html).toContain('aria-label="Copy request id"');
    expect(html).toMatch(/try again in <span[^>]*>9<\/span> seconds/);
  });
  it("shows the ambiguity check and offers to check again when it could not run", () => {
    const unknown = renderToStaticMarkup(
      <CreateJobError
        error={{ kind: "server", status: 503, code: "ServiceUnavailable", message: "", ambiguous: true }}
        templateId="zoom"
        secondsLeft={0}
        check={{ kind: "unknown", error: { kind: "network", status: 0, code: "NetworkError", message: "" } }}
        onCheckAgain={() => {}}
      />,
    );
    expect(unknown).toContain('data-check="unknown"');
    expect(unknown).toContain("Check whether the job exists");
    const absent = renderToStaticMarkup(
      <CreateJobError error={{ kind: "server", status: 503, code: "ServiceUnavailable", message: "", ambiguous: true }} templateId="zoom" secondsLeft={0} check={{ kind: "absent" }} />,
    );
    expect(absent).toMatch(/no job from zoom was created/);
    expect(absent).not.toContain("Check whether the job exists");
  });
});

describe("TemplateChoices", () => {
  const templates: SynchronizationTemplate[] = [
    { id: "AD2AADProvisioning", default: true, factoryTag: "AD2AADProvisioning", description: "Users and groups." },
    { id: "AD2AADPasswordHash", default: false, factoryTag: "AD2AADPasswordHash", description: "<b>Password</b> hashes." },
  ];
  it("renders a fieldset with a legend and labelled radios, and says which templates already have jobs", () => {
    const html = renderToStaticMarkup(
      <TemplateChoices templates={templates} selected="AD2AADProvisioning" onSelect={() => {}} jobCounts={{ AD2AADProvisioning: 1, AD2AADPasswordHash: 0 }} />,
    );
    expect(html).toMatch(/<fieldset[^>]*><legend[^>]*>Template<\/legend>/);
    expect(html.match(/type="radio"/g)).toHaveLength(2);
    expect(html.match(/<label for=/g)).toHaveLength(2);
    expect(html).toMatch(/checked="" value="AD2AADProvisioning"/);
    expect(html).toContain("1 job already uses this template");
    expect(html).toContain("&lt;b&gt;Password&lt;/b&gt;");
    expect(html).toContain("Default");
  });
  it("preselects the default template, or the only one", () => {
    expect(preselectedTemplate(templates)).toBe("AD2AADProvisioning");
    expect(preselectedTemplate([templates[1]])).toBe("AD2AADPasswordHash");
    expect(preselectedTemplate([{ id: "a" }, { id: "b" }])).toBe("");
    expect(preselectedTemplate([])).toBe("");
  });
});
