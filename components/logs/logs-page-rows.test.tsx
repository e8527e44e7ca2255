import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { docExampleBody } from "@/test/support/doc-examples";
import { LogsPageRows } from "./logs-page-rows";

const entries = [
  docExampleBody("docs/examples/v1.0/provisioningobjectsummary-list__list_provisioningobjectsummary_error__response.http").value[0],
  docExampleBody("docs/examples/v1.0/provisioningobjectsummary-list__list_provisioningobjectsummary__response.http").value[0],
];

describe("LogsPageRows", () => {
  it("renders one row per entry with its id, status and action, linking to its detail with the view's filters", () => {
    const html = renderToStaticMarkup(
      <table>
        <LogsPageRows entries={entries} pathname="/logs" search="?status=failure" openEntryId="gc532ff9-r265-ec76-861e-42e2970a8218" showApp />
      </table>,
    );
    expect(html).toContain('data-testid="logs-row" data-entry-id="gc532ff9-r265-ec76-861e-42e2970a8218" data-status="failure" data-action="create"');
    expect(html).toContain('data-testid="logs-row" data-entry-id="75b5b0ae-9fc5-8d0e-e0a9-7y6a4728de56" data-status="success" data-action="create"');
    expect(html).toContain('href="/logs?status=failure&amp;entry=gc532ff9-r265-ec76-861e-42e2970a8218"');
    expect(html).toMatch(/aria-current="true"[^>]*>Self-service Pilot<\/a>/);
    expect(html).toContain(">ContosoEntryConflict<");
    expect(html).toContain('href="/logs?status=failure&amp;app=chc46a42-966b-47d7-9774-576b1c8bd0b8"');
  });
});
