import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { logsSearch, parseLogFilters, type LogsScope } from "@/lib/logs/filters";
import { scopeFilter } from "@/lib/logs/graph-filter";
import { queryKeys } from "@/lib/query/keys";
import { docExampleBody } from "@/test/support/doc-examples";
import { GraphError } from "@/lib/graph/graph-error";
import { LogsView } from "./logs-view";
import type { LogsPage } from "./use-provisioning-logs";

const location = vi.hoisted(() => ({ search: "" }));
vi.mock("next/navigation", () => ({
  useSearchParams: () => new URLSearchParams(location.search),
  usePathname: () => "/logs",
  useRouter: () => ({ push: vi.fn(), replace: vi.fn() }),
}));
vi.mock("@/components/graph/use-graph", () => ({ useGraph: () => ({}) }));

const failed = docExampleBody("docs/examples/v1.0/provisioningobjectsummary-list__list_provisioningobjectsummary_error__response.http").value[0];
const TENANT: LogsScope = { kind: "tenant" };

/** The view as it renders with these pages already in the cache (no Graph call in a static render). */
function render(search: string, seed: { pages?: LogsPage[]; error?: Error }) {
  location.search = search;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, retryOnMount: false, staleTime: Infinity } } });
  const key = queryKeys.provisioningLogs(scopeFilter(TENANT) ?? "", logsSearch(parseLogFilters(new URLSearchParams(search), TENANT).filters));
  if (seed.pages) client.setQueryData(key, { pages: seed.pages, pageParams: [null] });
  if (seed.error) {
    client.getQueryCache().build(client, { queryKey: key }).setState({ status: "error", error: seed.error, fetchStatus: "idle" });
  }
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <LogsView scope={TENANT} />
    </QueryClientProvider>,
  );
}

describe("LogsView", () => {
  it("renders the filters from the URL, the rows, Load more and the open entry", () => {
    const page: LogsPage = { value: [failed], nextLink: "https://graph.example/beta/auditLogs/provisioning?$skiptoken=x", filter: "provisioningStatusInfo/status eq 'failure'" };
    const html = render(`status=failure&entry=${failed.id}`, { pages: [page] });
    expect(html).toContain('data-testid="logs-filters"');
    expect(html).toMatch(/<option value="failure" selected="">Failure<\/option>/);
    expect(html).toContain('data-testid="logs-list"');
    expect(html).toContain(`data-testid="logs-row" data-entry-id="${failed.id}" data-status="failure" data-action="create"`);
    expect(html).toContain('data-testid="logs-load-more"');
    expect(html).toContain("Showing the newest 1 entry; more are available.");
    expect(html).toContain(`data-testid="logs-detail" data-entry-id="${failed.id}"`);
    expect(html).toContain('data-testid="logs-download-csv"');
    expect(html).toContain('href="/logs?status=failure"'); // the detail's Close keeps the filters
  });

  it("reports what it could not use from the address", () => {
    const html = render("status=broken", { pages: [{ value: [], filter: undefined }] });
    expect(html).toContain('data-testid="logs-url-problems"');
    expect(html).toContain("Ignored the status “broken”");
    expect(html).toContain('data-testid="logs-empty"');
  });

  it("explains a 403 instead of the logs", () => {
    const error = new GraphError({ kind: "forbidden", status: 403, code: "Authentication_MSGraphPermissionMissing", message: "Calling principal does not have required MSGraph permissions AuditLog.Read.All" });
    const html = render("", { error });
    expect(html).toContain('data-testid="logs-access-problem"');
    expect(html).not.toContain('data-testid="logs-filters"');
  });
});
