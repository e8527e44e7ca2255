import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { credentialFieldsOf, DEFAULT_CREDENTIAL_FIELDS } from "@/lib/configure/fields";
import { toSavedSecrets } from "@/lib/configure/saved-secrets";
import type { SavedConfiguration } from "@/lib/graph/configuration";
import { ConfigureForm } from "./configure-form";
import { SaveResult } from "./save-result";
import { TestConnection } from "./test-connection";

const access = vi.hoisted(() => ({ value: "granted" as "granted" | "missing" | "unknown" }));
vi.mock("@/components/auth/use-job-write-access", () => ({ useJobWriteAccess: () => access.value }));
vi.mock("@/components/auth/use-graph-token", () => ({ useGraphToken: () => async () => "t", useFreshGraphToken: () => async () => "t" }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {} }), usePathname: () => "/service-principals" }));
vi.mock("@/lib/actions/configure-job", () => ({ testConnection: vi.fn(), saveConfiguration: vi.fn() }));
vi.mock("@/lib/actions/job-lifecycle", () => ({ startJob: vi.fn(), pauseJob: vi.fn(), restartJob: vi.fn(), deleteJob: vi.fn() }));

const SP = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01";
const job = (code: string, state = "Active"): SynchronizationJob => ({ id: "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01", templateId: "BoxOutDelta", schedule: { state: state as never }, status: { code: code as never } });
const BOX: SavedConfiguration = {
  template: null,
  fields: { fields: DEFAULT_CREDENTIAL_FIELDS, source: "template" },
  saved: toSavedSecrets([
    { key: "BaseAddress", value: "https://scim.example.com/v2" },
    { key: "SecretToken", value: "*****" },
    { key: "SyncNotificationSettings", value: '{"Enabled":true,"Recipients":"ops@contoso.com","DeleteThresholdEnabled":true,"DeleteThresholdValue":40}' },
    { key: "SyncAll", value: "false" },
  ]),
};

const render = (node: ReactNode) => renderToStaticMarkup(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>);
const tag = (html: string, testId: string) => html.match(new RegExp(`<[a-z]+[^>]*data-testid="${testId}"[^>]*>`))?.[0] ?? "";
const attr = (element: string, name: string) => element.match(new RegExp(` ${name}="([^"]*)"`))?.[1];

beforeEach(() => {
  access.value = "granted";
});

describe("ConfigureForm", () => {
  it("shows the template's fields, each labelled and described, secrets masked and empty, identifiers as saved", () => {
    const html = render(<ConfigureForm servicePrincipalId={SP} job={job("Paused", "Paused")} configuration={BOX} />);
    expect(html).toContain('data-testid="configure-form"');
    expect(html).toContain('data-credentials="saved"');
    const url = tag(html, "configure-field-BaseAddress");
    const token = tag(html, "configure-field-SecretToken");
    expect(attr(url, "type")).toBe("text");
    expect(attr(url, "value")).toBe("https://scim.example.com/v2");
    expect(attr(token, "type")).toBe("password");
    expect(attr(token, "value")).toBe("");
    expect(attr(token, "autoComplete") ?? attr(token, "autocomplete")).toBe("new-password");
    expect(token).not.toContain(" name=");
    for (const input of [url, token]) {
      expect(html).toContain(`<label for="${attr(input, "id")}"`);
      expect(html).toContain(`id="${attr(input, "aria-describedby")}"`);
    }
    expect(html).toMatch(/data-testid="configure-toggle-SecretToken"[^>]*>Show<span class="sr-only"> Secret token<\/span>/);
    expect(html).toContain("A value is saved; Microsoft Graph never shows it.");
    expect(html).toContain('data-testid="configure-secret-note"');
    expect(html).toContain("type every secret field again");
  });

  it("offers both tests, the settings as saved, the scope with its note, and Save", () => {
    const html = render(<ConfigureForm servicePrincipalId={SP} job={job("Paused", "Paused")} configuration={BOX} />);
    for (const testId of ["configure-test", "configure-test-saved", "configure-settings", "configure-scope", "configure-save", "configure-test-result", "configure-save-result"]) {
      expect(html, testId).toContain(`data-testid="${testId}"`);
    }
    expect(attr(tag(html, "configure-recipients"), "value")).toBe("ops@contoso.com");
    expect(attr(tag(html, "configure-threshold"), "value")).toBe("40");
    expect(tag(html, "configure-notify")).toContain('checked=""');
    expect(tag(html, "configure-prevent-deletes")).toContain('checked=""');
    expect(tag(html, "configure-scope-assigned")).toContain('checked=""');
    expect(tag(html, "configure-scope-all")).not.toContain("checked");
    expect(html).toContain("Sync only assigned users and groups");
    expect(html).toContain("Sync all users and groups");
    expect(html).toMatch(/data-testid="configure-scope-note"[^>]*>A change of scope takes effect after the job restarts/);
    expect(tag(html, "configure-save")).toContain('type="submit"');
    expect(tag(html, "configure-form")).toContain("noValidate");
  });

  it("disables every control for a read-only admin, with the reason linked", () => {
    access.value = "missing";
    const html = render(<ConfigureForm servicePrincipalId={SP} job={job("Paused", "Paused")} configuration={BOX} />);
    const reason = attr(tag(html, "configure-read-only"), "id");
    expect(html).toContain("Synchronization.ReadWrite.All");
    for (const testId of ["configure-field-BaseAddress", "configure-field-SecretToken", "configure-toggle-SecretToken", "configure-recipients", "configure-threshold", "configure-notify", "configure-scope-all"]) {
      expect(tag(html, testId), testId).toContain('disabled=""');
    }
    for (const testId of ["configure-test", "configure-test-saved", "configure-save"]) {
      expect(tag(html, testId), testId).toContain('disabled=""');
      expect(attr(tag(html, testId), "aria-describedby")).toBe(reason);
    }
    expect(attr(tag(html, "configure-field-BaseAddress"), "value")).toBe("https://scim.example.com/v2");
  });

  it("uses the default fields with a note when the template says nothing, and offers no test for agent-based apps", () => {
    const defaulted = render(<ConfigureForm servicePrincipalId={SP} job={job("NotConfigured", "Disabled")} configuration={{ ...BOX, fields: { fields: DEFAULT_CREDENTIAL_FIELDS, source: "default" }, saved: [] }} />);
    expect(defaulted).toContain("does not list its admin credentials");
    expect(defaulted).toContain('data-credentials="missing"');
    expect(defaulted).not.toContain('data-testid="configure-test-saved"');
    const agent = render(<ConfigureForm servicePrincipalId={SP} job={job("Active")} configuration={{ template: null, fields: credentialFieldsOf({ factoryTag: "API2AAD" }), saved: [] }} />);
    expect(agent).toContain("takes no admin credentials here");
    expect(agent).not.toContain('data-testid="configure-test"');
    expect(agent).toContain('data-testid="configure-settings"');
  });

  it("warns before a save removes saved secrets the screen does not show", () => {
    const html = render(<ConfigureForm servicePrincipalId={SP} job={job("Active")} configuration={{ ...BOX, saved: [...BOX.saved, { key: "Oauth2RefreshToken", value: null, masked: true }] }} />);
    expect(html).toMatch(/data-testid="configure-lost-secrets"[^>]*>.*Oauth2RefreshToken/);
  });
});

describe("TestConnection", () => {
  it("shows progress, then the connector's code and message and what to do", () => {
    const running = renderToStaticMarkup(<TestConnection state={{ status: "running", saved: false }} canTestSaved disabled={false} onTest={() => {}} />);
    expect(running).toMatch(/data-testid="configure-test"[^>]*disabled=""|disabled=""[^>]*data-testid="configure-test"/);
    expect(running).toContain("Testing…");
    expect(running).toMatch(/role="status" aria-live="polite" data-testid="configure-test-result" data-outcome="running"/);
    const failed = renderToStaticMarkup(
      <TestConnection
        state={{ status: "failed", error: { kind: "bad-request", status: 400, code: "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable", message: "The secret token or tenant URL you provided is not valid." } }}
        canTestSaved={false}
        disabled={false}
        onTest={() => {}}
      />,
    );
    expect(failed).toContain('data-outcome="failed"');
    expect(failed).toContain("The application refused the connection");
    expect(failed).toMatch(/data-testid="configure-test-error-code"[^>]*>SystemForCrossDomainIdentityManagementCredentialValidationUnavailable \(HTTP 400\)/);
    expect(failed).toContain("Check the admin credentials");
    const passed = renderToStaticMarkup(<TestConnection state={{ status: "passed", tested: "typed" }} canTestSaved={false} disabled={false} onTest={() => {}} />);
    expect(passed).toContain('data-outcome="passed"');
    expect(passed).toContain("Connection succeeded");
  });
});

describe("SaveResult", () => {
  const saved = (scopeChanged: boolean) => ({ status: "saved" as const, result: { savedKeys: ["BaseAddress", "SecretToken"], droppedKeys: [], scopeChanged } });

  it("offers the restart after a scope change of a job that has run", () => {
    const html = render(<SaveResult state={saved(true)} servicePrincipalId={SP} job={job("Active")} />);
    expect(html).toContain('data-outcome="saved"');
    expect(html).toContain("cleared from this page");
    expect(html).toMatch(/data-testid="configure-restart"[^>]*>Restart the job now/);
    expect(html).toContain('data-testid="configure-back-to-job"');
  });

  it("needs no restart for a job never started, nor without a scope change", () => {
    expect(render(<SaveResult state={saved(true)} servicePrincipalId={SP} job={job("NotConfigured", "Disabled")} />)).toContain('data-testid="configure-restart-not-needed"');
    expect(render(<SaveResult state={saved(false)} servicePrincipalId={SP} job={job("Active")} />)).not.toContain("configure-restart");
  });

  it("says a lost answer may have saved it", () => {
    const html = render(<SaveResult state={{ status: "failed", error: { kind: "server", status: 503, code: "ServiceUnavailable", message: "", ambiguous: true } }} servicePrincipalId={SP} job={job("Active")} />);
    expect(html).toContain('data-ambiguous="true"');
    expect(html).toContain("may or may not have been saved");
  });
});
