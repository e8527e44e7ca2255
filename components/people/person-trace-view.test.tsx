import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { USER } from "@/lib/emulator/directory/ids";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { scanFleet, type FleetScan } from "@/lib/fleet/scan";
import { createGraphGateway, type GraphGateway } from "@/lib/graph/gateway";
import { GraphError } from "@/lib/graph/graph-error";
import { readPersonTrace, type PersonTraceRead } from "@/lib/graph/person-trace";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { PersonTraceView } from "./person-trace-view";

/** The whole screen, rendered from the emulator's answers (the hooks that need MSAL are replaced by those answers). */

const state = vi.hoisted(() => ({ trace: null as unknown, fleet: null as unknown, writeAccess: "granted" }));
vi.mock("./use-person-trace", () => ({ usePersonTrace: () => state.trace }));
vi.mock("@/components/fleet/use-fleet-scan", () => ({ useFleetScan: () => ({ query: state.fleet, progress: null }) }));
vi.mock("@/components/graph/use-graph", () => ({ useGraph: () => ({}) }));
vi.mock("@/components/auth/use-job-write-access", () => ({ useJobWriteAccess: () => state.writeAccess }));
vi.mock("@/components/on-demand/use-provision-on-demand", () => ({ useProvisionOnDemand: () => ({ run: { status: "idle" }, secondsLeft: 0, start: () => {}, reset: () => {} }) }));

let emulator: TestEmulator;
let graph: GraphGateway;
let fleet: FleetScan;

beforeAll(async () => {
  emulator = await startTestEmulator();
  const token = await emulator.token("admin");
  graph = createGraphGateway({ baseUrl: emulator.url, version: "beta", getToken: async () => token });
  fleet = await scanFleet(graph);
});
afterAll(() => emulator.close());

const loaded = (data: unknown) => ({ data, isPending: false, isError: false, error: null, refetch: () => {} });
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

async function render(userId: string, read?: PersonTraceRead) {
  state.trace = loaded(read ?? (await readPersonTrace(graph, userId)));
  state.fleet = loaded(fleet);
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <PersonTraceView userId={userId} />
    </QueryClientProvider>,
  );
}
const rowsOf = (html: string) => [...html.matchAll(/<article [^>]*data-testid="person-row"[^>]*>/g)].map((m) => m[0]);

describe("PersonTraceView", () => {
  it("Tomás Ortega: his AWS row with the failed create, and the footnote's counts", async () => {
    const html = await render(USER.tomasOrtega);
    expect(html).toContain(`data-testid="person-trace" data-user-id="${USER.tomasOrtega}"`);
    const aws = rowsOf(html).find((row) => row.includes(`data-sp="${SP.aws}"`))!;
    expect(aws).toContain(`data-job="${JOB.awsActive}" data-assignment="direct" data-in-scope="true" data-status="failure" data-action="create"`);
    expect(html).toContain('data-testid="logs-error-code">MandatoryFieldsMissing');
    expect(html).toMatch(/data-testid="person-requests" data-requests="7" data-round-trips="2"/);
    expect(text(html)).toMatch(/other apps? with provisioning jobs don't concern them/);
    // Headings in order: the person (h2), then each app (h3).
    const levels = [...html.matchAll(/<h(\d)/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(2);
    expect(levels.slice(1).every((level) => level === 3 || level === 2)).toBe(true);
  });

  it("Nestor Wilke: says plainly that nothing concerns him, and only when all of it could be read", async () => {
    const read = await readPersonTrace(graph, USER.nestorWilke);
    // The seed never assigns his groups (All Company, Operations, …): empty, whether or not the emulator answers round trip 2.
    const withGroups = (assignments: (index: number) => PersonTraceRead["trace"]["groupAssignments"][number]["assignments"]) => ({
      ...read,
      trace: { ...read.trace, groupAssignments: read.trace.groupAssignments.map((entry, index) => ({ ...entry, assignments: assignments(index) })) },
    });
    const html = await render(USER.nestorWilke, withGroups(() => ({ ok: true, value: [] })));
    expect(rowsOf(html)).toEqual([]);
    expect(html).toContain('data-testid="person-nothing"');
    expect(text(html)).toContain("Not assigned to any app with provisioning, and no provisioning events in the last 30 days.");

    const refused = { ok: false as const, error: { kind: "server" as const, status: 503, code: "ServiceUnavailable", message: "busy" } };
    const partial = await render(USER.nestorWilke, withGroups((index) => (index === 0 ? refused : { ok: true, value: [] })));
    expect(partial).toContain('data-testid="person-group-problem"');
    expect(text(partial)).toContain("No app with provisioning found for them, but some of their app assignments could not be read (see above): there may be some.");
  });

  it("a read-only admin sees Provision now disabled, with why", async () => {
    state.writeAccess = "missing";
    try {
      const html = await render(USER.tomasOrtega);
      expect(html).toMatch(/disabled="" aria-describedby="[^"]+"[^>]*data-testid="person-provision"/);
    } finally {
      state.writeAccess = "granted";
    }
  });

  it("an unknown person is 'No such person'; a refused consent for the logs is the logs' access problem", async () => {
    const nobody = "00000000-0000-4000-8000-000000000000";
    expect(await render(nobody)).toContain('data-testid="person-not-found"');
    state.trace = { data: undefined, isPending: false, isError: true, error: Object.assign(new Error("AADSTS65001: consent"), { errorCode: "consent_required" }), refetch: () => {} };
    const html = renderToStaticMarkup(
      <QueryClientProvider client={new QueryClient()}>
        <PersonTraceView userId={nobody} />
      </QueryClientProvider>,
    );
    expect(html).toContain('data-testid="logs-access-problem"');
    state.trace = { data: undefined, isPending: false, isError: true, error: new GraphError({ kind: "server", status: 503, code: "ServiceUnavailable", message: "busy" }), refetch: () => {} };
    const failed = renderToStaticMarkup(
      <QueryClientProvider client={new QueryClient()}>
        <PersonTraceView userId={nobody} />
      </QueryClientProvider>,
    );
    expect(failed).toContain('data-error-kind="server"');
    expect(text(failed)).toContain("Try again");
  });
});
