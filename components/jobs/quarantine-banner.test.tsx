import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { toJobCard } from "@/lib/jobs/job-card";
import { QuarantineBanner } from "./quarantine-banner";

const now = new Date("2026-11-29T12:00:00Z");
const card = toJobCard(
  {
    id: "SfOutDelta.1",
    status: {
      code: "Quarantine",
      quarantine: {
        currentBegan: "2026-11-29T08:00:00Z",
        nextAttempt: "2026-11-29T20:00:00Z",
        reason: "TooManyDeletes",
        seriesBegan: "2026-11-27T12:00:00Z",
        seriesCount: 3,
        error: { code: "TooManyDeletes", message: "The deletion threshold was exceeded.", tenantActionable: true },
      },
      troubleshootingUrl: "https://go.microsoft.com/fwlink/?linkid=2105915",
    },
  },
  now,
);

describe("QuarantineBanner", () => {
  it("is a region labelled by its heading, not an alert", () => {
    const html = renderToStaticMarkup(<QuarantineBanner quarantine={card.status.quarantine!} troubleshootingUrl={card.status.troubleshootingUrl} />);
    const id = /^<section aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`<h2 id="${id}"`);
    expect(html).not.toContain('role="alert"');
  });

  it("says why, since when, when next, how often, the error and where to get help", () => {
    const html = renderToStaticMarkup(
      <QuarantineBanner quarantine={card.status.quarantine!} troubleshootingUrl={card.status.troubleshootingUrl} headingLevel={3} action={<button type="button">Start</button>} />,
    );
    expect(html).toContain("<h3");
    expect(html).toContain("Too many deletions");
    expect(html).toContain("restart the job with ForceDeletes");
    expect(html).toContain(">2 days ago</time>");
    expect(html).toContain(">in 8 hours</time>");
    expect(html).toMatch(/<span class="tabular-nums">3<\/span>/);
    expect(html).toContain("The deletion threshold was exceeded.");
    expect(html).toContain('<button type="button">Start</button>');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain("(opens in new tab)");
  });

  it("renders without an action or a link", () => {
    const html = renderToStaticMarkup(<QuarantineBanner quarantine={card.status.quarantine!} troubleshootingUrl={null} />);
    expect(html).not.toContain("<a ");
    expect(html).not.toContain("<button");
  });

  it("links to where its usual cause is fixed: the admin credentials", () => {
    const href = "/service-principals/sp/jobs/SfOutDelta.1/configure";
    const link = (reason: string) => {
      const quarantine = { ...card.status.quarantine!, reason: { ...card.status.quarantine!.reason, code: reason as never } };
      const html = renderToStaticMarkup(<QuarantineBanner quarantine={quarantine} troubleshootingUrl={null} configureHref={href} />);
      return html.match(/<a[^>]*data-testid="quarantine-configure-link"[^>]*>([^<]*)<\/a>/);
    };
    expect(link("EncounteredQuarantineException")?.[0]).toContain(`href="${href}"`);
    expect(link("EncounteredQuarantineException")?.[1]).toBe("Update the admin credentials and test the connection");
    expect(link("TooManyDeletes")?.[1]).toBe("Review the admin credentials and settings");
  });

  it("links to the job's failures in its provisioning logs", () => {
    const href = "/service-principals/sp/jobs/SfOutDelta.1/logs?status=failure";
    const html = renderToStaticMarkup(<QuarantineBanner quarantine={card.status.quarantine!} troubleshootingUrl={null} failuresHref={href} />);
    const link = /<a[^>]*data-testid="quarantine-failures-link"[^>]*>([^<]*)<\/a>/.exec(html);
    expect(link?.[0]).toContain(`href="${href}"`);
    expect(link?.[1]).toBe("See the failures in the provisioning logs");
  });
});
