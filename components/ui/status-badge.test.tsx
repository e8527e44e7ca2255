import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseQuarantineReason, parseStatusCode, type Tone } from "@/lib/jobs/vocabulary";
import { StatusBadge } from "./status-badge";

/** Every tone (`satisfies` fails the type check when one is added to `Tone` and not here). */
const TONES = Object.keys({ success: 0, info: 0, warning: 0, danger: 0, neutral: 0 } satisfies Record<Tone, 0>) as Tone[];

describe("StatusBadge", () => {
  it("carries the canonical code and shows the label as text", () => {
    const html = renderToStaticMarkup(<StatusBadge term={parseStatusCode("quarantine")} kind="status" />);
    expect(html).toMatch(/^<span data-status="Quarantine" data-kind="status" class="[^"]*bg-red-50 text-red-800[^"]*">/);
    expect(html).toContain('<span aria-hidden="true"');
    expect(html).toMatch(/>Quarantined<\/span>$/);
  });

  it("shows unknown values as their raw text with data-status unknown", () => {
    const html = renderToStaticMarkup(<StatusBadge term={parseQuarantineReason("<script>x</script>")} />);
    expect(html).toContain('data-status="unknown"');
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(html).not.toContain("data-kind");
  });

  it("pairs dark text with light backgrounds for every tone", () => {
    for (const tone of TONES) {
      const html = renderToStaticMarkup(<StatusBadge term={{ ...parseStatusCode("Active"), tone }} />);
      expect(html).toMatch(/class="[^"]*bg-\w+-(50|100) text-\w+-(700|800|900)[^"]*"/);
    }
  });
});
