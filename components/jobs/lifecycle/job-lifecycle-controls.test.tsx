import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { queryKeys } from "@/lib/query/keys";
import { JobLifecycleControls } from "./job-lifecycle-controls";
import { jobKey, tryLock, unlock } from "./lifecycle-store";
import { forgetConnectionTest, recordConnectionTest } from "../connection-tests";

const access = vi.hoisted(() => ({ value: "granted" as "granted" | "missing" | "unknown" }));
vi.mock("@/components/auth/use-job-write-access", () => ({ useJobWriteAccess: () => access.value }));
vi.mock("@/components/auth/use-graph-token", () => ({ useGraphToken: () => async () => "t", useFreshGraphToken: () => async () => "t" }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {} }), usePathname: () => "/service-principals" }));
vi.mock("@/lib/actions/job-lifecycle", () => ({ startJob: vi.fn(), pauseJob: vi.fn(), restartJob: vi.fn(), deleteJob: vi.fn() }));

const SP = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01";
const job = (code: string, schedule = "Active"): SynchronizationJob => ({ id: `BoxOutDelta.${code}`, templateId: "BoxOutDelta", schedule: { state: schedule as never }, status: { code: code as never } });

function render(node: React.ReactNode, client = new QueryClient()) {
  return renderToStaticMarkup(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}
const buttons = (html: string) => [...html.matchAll(/data-testid="lifecycle-(start|pause|restart|delete)"/g)].map((m) => m[1]);

beforeEach(() => {
  access.value = "granted";
});

describe("JobLifecycleControls", () => {
  it("offers Pause, Restart and Delete on a running job, never Start", () => {
    for (const code of ["Active", "NotRun"]) {
      const html = render(<JobLifecycleControls servicePrincipalId={SP} job={job(code)} />);
      expect(buttons(html)).toEqual(["pause", "restart", "delete"]);
      expect(html).toContain('data-phase="running"');
    }
  });

  it("puts Start first, prominent, on a paused, quarantined or new job, with what it does", () => {
    const paused = render(<JobLifecycleControls servicePrincipalId={SP} job={job("Paused", "Paused")} />);
    expect(buttons(paused)).toEqual(["start", "restart", "delete"]);
    expect(paused).toMatch(/data-testid="lifecycle-start" data-emphasis="primary"/);
    expect(paused).toContain("Start resumes where the job stopped.");
    expect(buttons(render(<JobLifecycleControls servicePrincipalId={SP} job={job("Quarantine")} />))).toEqual(["start", "pause", "restart", "delete"]);
    expect(buttons(render(<JobLifecycleControls servicePrincipalId={SP} job={job("NotConfigured", "Disabled")} />))).toEqual(["start", "delete"]);
  });

  it("renders only the asked control (Start in the quarantine banner), or nothing when it is not offered", () => {
    const html = render(<JobLifecycleControls servicePrincipalId={SP} job={job("Quarantine")} only="start" />);
    expect(buttons(html)).toEqual(["start"]);
    expect(html).not.toContain("<dialog");
    expect(render(<JobLifecycleControls servicePrincipalId={SP} job={job("Active")} only="start" />)).toBe("");
  });

  it("is a named group of native buttons; Restart and Delete open dialogs labelled by their headings", () => {
    const html = render(<JobLifecycleControls servicePrincipalId={SP} job={job("Active")} />);
    expect(html).toContain('role="group" aria-label="Actions for job BoxOutDelta.Active"');
    expect(html).toMatch(/<button type="button" aria-haspopup="dialog" data-testid="lifecycle-restart"[^>]*>Restart…<\/button>/);
    expect(html).toMatch(/<button type="button" data-testid="lifecycle-pause"[^>]*>Pause<\/button>/);
    const dialogs = [...html.matchAll(/<dialog aria-labelledby="([^"]+)"[^>]*data-testid="(restart|delete)-dialog"/g)];
    expect(dialogs.map((m) => m[2])).toEqual(["restart", "delete"]);
    for (const [, labelId] of dialogs) expect(html).toContain(`<h2 id="${labelId}"`);
    expect(html).not.toMatch(/<dialog[^>]* open/);
  });

  it("names the application in the delete dialog from the page's cached service principal", () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.servicePrincipalOverview(SP), { servicePrincipal: { ok: true, value: { id: SP, displayName: "Box" } }, templates: { ok: true, value: [] }, jobs: { ok: true, value: [] } });
    const html = render(<JobLifecycleControls servicePrincipalId={SP} job={job("Paused", "Paused")} />, client);
    expect(html).toMatch(/of <strong>Box<\/strong> and permanently deletes its/);
    expect(html).toContain("The accounts it provisioned in Box are left as they are");
  });

  it("disables every control for a read-only admin and says why", () => {
    access.value = "missing";
    const html = render(<JobLifecycleControls servicePrincipalId={SP} job={job("Quarantine")} />);
    expect(html).toContain('data-testid="lifecycle-read-only"');
    expect(html).toContain("Synchronization.ReadWrite.All");
    const reason = html.match(/<p id="([^"]+)"[^>]*data-testid="lifecycle-read-only"/)![1];
    for (const kind of ["start", "pause", "restart", "delete"]) {
      expect(html).toMatch(new RegExp(`<button type="button" disabled="" aria-describedby="${reason}"[^>]*data-testid="lifecycle-${kind}"`));
    }
  });

  it("stays enabled while write access is unknown (Graph decides)", () => {
    access.value = "unknown";
    const html = render(<JobLifecycleControls servicePrincipalId={SP} job={job("Paused", "Paused")} />);
    expect(html).not.toMatch(/disabled=""[^>]*data-testid="lifecycle-/);
    expect(html).not.toContain("lifecycle-read-only");
  });

  it("shows progress on the pending button and locks the others; a failure shows Graph's code and request-id", () => {
    const pendingJob = job("Paused", "Paused");
    const key = jobKey(SP, pendingJob.id!);
    tryLock(key, "start");
    try {
      const html = render(<JobLifecycleControls servicePrincipalId={SP} job={pendingJob} />);
      expect(html).toContain('data-pending="start"');
      expect(html).toMatch(/data-testid="lifecycle-start"[^>]*><span aria-hidden="true"[^>]*><\/span> Starting…<\/button>/);
      expect(html.match(/<button type="button" disabled=""[^>]*data-testid="lifecycle-/g)).toHaveLength(3);
    } finally {
      unlock(key, { operation: { kind: "start" }, error: { kind: "forbidden", status: 403, code: "Authorization_RequestDenied", message: "", requestId: "0f0f0f0f-0000-4000-8000-000000000001" }, retryAt: null });
    }
    const html = render(<JobLifecycleControls servicePrincipalId={SP} job={pendingJob} />);
    expect(html).toContain('data-testid="lifecycle-error" data-operation="start" data-error-kind="forbidden"');
    expect(html).toContain("Authorization_RequestDenied (HTTP 403)");
    expect(html).toContain("0f0f0f0f-0000-4000-8000-000000000001");
    expect(html).toContain("Synchronization.ReadWrite.All");
    unlock(key, null);
  });
});

describe("the restart dialog", () => {
  const html = render(<JobLifecycleControls servicePrincipalId={SP} job={job("Quarantine")} />);
  const dialog = html.slice(html.indexOf('data-testid="restart-dialog"'), html.indexOf('data-testid="delete-dialog"'));

  it("explains the default (the portal's Restart provisioning) and sends an empty reset scope unless told otherwise", () => {
    expect(dialog).toContain("Restart provisioning, as in the Microsoft Entra admin center");
    expect(dialog).toContain("an empty reset scope (Restart provisioning)");
  });

  it("offers the five flags behind an Advanced disclosure, each labelled and described, and never None or ConnectorDataStore", () => {
    expect(dialog).toMatch(/<details[^>]*><summary[^>]*>Advanced: choose what to reset<\/summary>/);
    const flags = [...dialog.matchAll(/<input id="([^"]+)" type="checkbox"[^>]*aria-describedby="([^"]+)" data-flag="(\w+)"/g)];
    expect(flags.map((m) => m[3])).toEqual(["Escrows", "Watermark", "QuarantineState", "Full", "ForceDeletes"]);
    for (const [, inputId, describedBy] of flags) {
      expect(dialog).toContain(`<label for="${inputId}"`);
      expect(dialog).toContain(`<p id="${describedBy}"`);
    }
    expect(dialog).not.toContain('data-flag="None"');
    expect(dialog).not.toContain('data-flag="ConnectorDataStore"');
    expect(dialog).toContain('data-testid="restart-confirm"');
  });

  it("asks before Start when the application refused the last connection test, and not otherwise", () => {
    const paused = job("Paused", "Paused");
    expect(render(<JobLifecycleControls servicePrincipalId={SP} job={paused} />)).not.toContain('data-testid="start-dialog"');
    recordConnectionTest(SP, paused.id!, { kind: "bad-request", status: 400, code: "SalesforceInvalidCredentials", message: "" });
    try {
      const html = render(<JobLifecycleControls servicePrincipalId={SP} job={paused} />);
      expect(html).toMatch(/<dialog[^>]*data-testid="start-dialog"/);
      expect(html).toContain("SalesforceInvalidCredentials");
      expect(html).toContain(`/service-principals/${SP}/jobs/${paused.id}/configure`);
      // A refusal of another kind (throttling, an outage) says nothing about the credentials.
      recordConnectionTest(SP, paused.id!, null);
      recordConnectionTest(SP, paused.id!, { kind: "throttled", status: 429, code: "TooManyRequests", message: "" });
      expect(render(<JobLifecycleControls servicePrincipalId={SP} job={paused} />)).not.toContain('data-testid="start-dialog"');
    } finally {
      forgetConnectionTest(SP, paused.id!);
    }
  });
});
