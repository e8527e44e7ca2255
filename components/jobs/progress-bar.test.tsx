import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ProgressView } from "@/lib/jobs/job-card";
import { ProgressBar } from "./progress-bar";

const progress: ProgressView = {
  completedUnits: 1025,
  totalUnits: 3024,
  percent: 33,
  units: "pages",
  label: "1,025 of 3,024 pages",
  observed: { kind: "date", text: "1 minute ago", iso: "2026-11-29T11:59:00.000Z", absolute: "29 Nov 2026, 11:59:00 UTC" },
};

describe("ProgressBar", () => {
  it("is a named progressbar with values and a text label", () => {
    const html = renderToStaticMarkup(<ProgressBar progress={progress} label="Initial cycle" />);
    const labelId = /<span id="([^"]+)"[^>]*>Initial cycle<\/span>/.exec(html)?.[1];
    expect(labelId).toBeTruthy();
    expect(html).toContain(`role="progressbar" aria-labelledby="${labelId}" aria-valuemin="0" aria-valuemax="3024" aria-valuenow="1025" aria-valuetext="1,025 of 3,024 pages"`);
    expect(html).toContain("1,025 of 3,024 pages (33%)");
    expect(html).toContain('style="width:33%"');
    expect(html).toContain(">1 minute ago</time>");
  });

  it("leaves out the value range when the total is unknown", () => {
    const html = renderToStaticMarkup(
      <ProgressBar progress={{ ...progress, totalUnits: 0, percent: null, label: "1,025 pages", observed: { kind: "unset", text: "Not set" } }} />,
    );
    expect(html).toContain('role="progressbar"');
    expect(html).not.toContain("aria-valuenow");
    expect(html).not.toContain("aria-valuemax");
    expect(html).toContain('style="width:0%"');
    expect(html).not.toContain("Observed");
  });

  it("never reports a value above the maximum", () => {
    const html = renderToStaticMarkup(<ProgressBar progress={{ ...progress, completedUnits: 40, totalUnits: 36, percent: 100, label: "40 of 36 pages" }} />);
    expect(html).toContain('aria-valuemax="36" aria-valuenow="36"');
  });
});
