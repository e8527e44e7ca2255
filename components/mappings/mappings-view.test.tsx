import type { SynchronizationSchema } from "@microsoft/microsoft-graph-types-beta";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { Loaded } from "@/lib/graph/answers";
import type { JobOverview } from "@/lib/graph/jobs";
import scopedSchema from "@/lib/mappings/fixtures/scoped-schema.json";
import { queryKeys } from "@/lib/query/keys";
import { MappingsView } from "./mappings-view";

const location = vi.hoisted(() => ({ search: "" }));
vi.mock("next/navigation", () => ({
  useSearchParams: () => new URLSearchParams(location.search),
  usePathname: () => "/",
  useRouter: () => ({ push: vi.fn(), replace: vi.fn() }),
}));
vi.mock("@/components/graph/use-graph", () => ({ useGraph: () => ({}) }));

const SP = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01";
const JOB = "scim.0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const SCOPED: Loaded<SynchronizationSchema> = { ok: true, value: scopedSchema as unknown as SynchronizationSchema };

/** The view as it renders with the job's overview already in the cache (no Graph call in a static render). */
function render(search: string, schema: Loaded<SynchronizationSchema> = SCOPED) {
  location.search = search;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const overview: JobOverview = {
    servicePrincipal: { ok: true, value: { id: SP, displayName: "Contoso SCIM" } },
    job: { ok: true, value: { id: JOB, templateId: "scim" } },
    schema,
    configuration: { ok: false, error: { kind: "server", status: 500, code: "x", message: "x" } },
  };
  client.setQueryData(queryKeys.jobOverview(SP, JOB), overview);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MappingsView servicePrincipalId={SP} jobId={JOB} />
    </QueryClientProvider>,
  );
}

const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]);
const textOf = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
const sentences = (html: string) => all(html, /<p[^>]*data-testid="scoping-sentence"[^>]*>(.*?)<\/p>/g).map(textOf);

describe("MappingsView", () => {
  it("shows every object mapping and its rows in a real table, in the schema's order", () => {
    const html = render("");
    expect(html).toContain('data-testid="mappings-view"');
    expect(all(html, /data-testid="object-mapping" data-mapping-name="([^"]*)"/g)).toEqual(["Provision Azure Active Directory Users", "Provision Azure Active Directory Groups"]);
    expect(all(html, /data-testid="object-mapping" data-mapping-name="[^"]*" data-enabled="([^"]*)"/g)).toEqual(["true", "false"]);
    expect(all(html, /data-testid="attribute-mapping-row" data-target="([^"]*)"/g)).toEqual(["userName", "active", "externalId", "preferredLanguage", "userType", "displayName", "members"]);
    expect(html).toContain("<caption");
    expect(html).toMatch(/<th scope="col"[^>]*>Target attribute<\/th>/);
    expect(html).toMatch(/<th scope="row"[^>]*><code[^>]*>userName<\/code><\/th>/);
    expect(textOf(html)).toContain("Matching, precedence 2");
    expect(textOf(html)).toContain('Constant "Employee of Contoso"');
    expect(textOf(html)).toContain('Expression Switch([IsSoftDeleted], , "False", "True", "True", "False")');
    expect(textOf(html)).toContain("Only during object creation");
    expect(textOf(html)).toContain('"en-US"');
    expect(textOf(html)).toContain("Create, Update");
    expect(textOf(html)).toContain("externalId (precedence 1), then userName (precedence 2)");
    expect(textOf(html)).toContain("This rule has no object mappings");
    expect(html).toMatch(/data-testid="mappings-count"[^>]*>7 attribute mappings</);
  });

  it("writes each scoping filter group as a sentence, and says when a mapping has none", () => {
    const html = render("");
    expect(sentences(html)).toEqual([
      "department EQUALS Sales and accountEnabled IS TRUE",
      "jobTitle REGEX MATCH ^Contract.*",
      "No scoping filter: every assigned user and group is in scope (everyone, if the job syncs all users and groups).",
    ]);
    expect(all(html, /data-testid="scoping-filter" data-groups="(\d+)"/g)).toEqual(["2", "0"]);
    expect(textOf(html)).toContain("Sales in Paris");
  });

  it("keeps the outline and the way back: h1, h2 per rule, h3 per object mapping, a labelled search, a link to the job", () => {
    const html = render("");
    expect(all(html, /<h([1-6])/g)).toEqual(["1", "2", "3", "4", "3", "4", "2"]);
    const input = html.match(/<input[^>]*data-testid="mappings-search"[^>]*>/)?.[0] ?? "";
    const id = input.match(/ id="([^"]+)"/)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`<label for="${id}"`);
    expect(html).toContain(`href="/service-principals/${SP}/jobs/${JOB}"`);
  });

  it("opens a deep link with ?q= filtered: only matching rows, object mappings without one hidden", () => {
    const html = render("q=OBJECTID");
    expect(all(html, /data-testid="attribute-mapping-row" data-target="([^"]*)"/g)).toEqual(["externalId"]);
    expect(all(html, /data-testid="object-mapping" data-mapping-name="([^"]*)"/g)).toEqual(["Provision Azure Active Directory Users"]);
    expect(html).toMatch(/data-testid="mappings-count"[^>]*>1 of 7 attribute mappings matches</);
    expect(html.match(/<input[^>]*data-testid="mappings-search"[^>]*>/)?.[0]).toContain('value="OBJECTID"');
    expect(html).not.toContain("This rule has no object mappings");
  });

  it("says when nothing matches and offers to clear the search", () => {
    const html = render("q=nothing%20like%20this");
    expect(html).toContain('data-testid="mappings-empty"');
    expect(html).toMatch(/<button type="button"[^>]*>Clear search<\/button>/);
    expect(html).not.toContain('data-testid="object-mapping"');
    expect(html).toMatch(/data-testid="mappings-count"[^>]*>0 of 7 attribute mappings match</);
  });

  it("shows a failed schema load with retry instead of the mappings", () => {
    const html = render("", { ok: false, error: { kind: "server", status: 503, code: "ServiceUnavailable", message: "Try later", requestId: "req-1" } });
    expect(html).toContain('role="alert"');
    expect(html).toContain("Try again");
    expect(html).toContain("req-1");
    expect(html).not.toContain('data-testid="mappings-search"');
    expect(html).toContain('data-testid="mappings-view"');
  });
});
