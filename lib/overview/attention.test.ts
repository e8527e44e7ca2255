import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { describe, expect, it } from "vitest";
import type { FleetEntry } from "@/lib/fleet/scan";
import { attentionItems } from "./attention";

const now = new Date("2026-12-01T12:00:00Z");
// Graph's JSON as it comes (the docs write `quarantine` and `Quarantine` alike): the vocabulary decides.
const job = (id: string, status: Record<string, unknown>) => ({ id, templateId: id.split(".")[0], status }) as SynchronizationJob;
const entry = (id: string, displayName: string, jobs: SynchronizationJob[]): FleetEntry => ({ servicePrincipal: { id, displayName, appId: `app-${id}` }, jobs });
const run = (state: string, extra: Record<string, unknown> = {}) => ({ state, timeBegan: "2026-12-01T10:00:00Z", timeEnded: "2026-12-01T10:05:00Z", ...extra });
const quarantine = (reason: string, seriesBegan: string, error: unknown = null) => ({ reason, seriesBegan, currentBegan: seriesBegan, nextAttempt: "2026-12-01T13:00:00Z", seriesCount: 2, error });

describe("attentionItems", () => {
  const entries = [
    entry("sp-ok", "Slack", [job("Slack.1", { code: "Active", lastExecution: run("Succeeded") })]),
    entry("sp-esc", "GitHub EMU", [job("github.1", { code: "Active", lastExecution: run("EntryLevelErrors", { countEscrowed: 3 }) })]),
    entry("sp-fail", "AWS", [job("aws.1", { code: "Active", countSuccessiveCompleteFailures: 4, lastExecution: run("Failed", { error: { code: "ConnectionTimeout", message: "The app did not answer." } }) })]),
    entry("sp-q", "Salesforce", [
      job("sf.new", { code: "Quarantine", quarantine: quarantine("EncounteredQuarantineException", "2026-12-01T09:00:00Z", { code: "SalesforceInvalidCredentials", message: "bad" }) }),
      job("sf.old", { code: "quarantine", quarantine: quarantine("EncounteredEscrowProportionThreshold", "2026-11-30T09:00:00Z") }),
    ]),
    entry("sp-del", "Zoom", [job("zoom.1", { code: "Quarantine", quarantine: quarantine("TooManyDeletes", "2026-12-01T11:00:00Z") })]),
    entry("sp-paused", "Box", [job("Box.1", { code: "Paused", lastExecution: run("Succeeded") }), job("", { code: "Quarantine" })]),
  ];

  it("lists each job once under its most urgent reason: staged deletes, quarantine (oldest first), failing, escrows", () => {
    const items = attentionItems(entries, now);
    expect(items.map((item) => [item.jobId, item.reason])).toEqual([
      ["zoom.1", "staged-deletes"],
      ["sf.old", "quarantine"],
      ["sf.new", "quarantine"],
      ["aws.1", "failing"],
      ["github.1", "escrows"],
    ]);
  });

  it("says the reason in words, with the error code and how long, and links to the job", () => {
    const [deletes, old, fresh, failing, escrows] = attentionItems(entries, now);
    expect(deletes.title).toMatch(/accidental-deletions threshold/);
    expect(old).toMatchObject({ title: "Quarantined: over 40% of events failed", detail: null, since: { kind: "date", text: "yesterday" } });
    expect(fresh).toMatchObject({ title: "Quarantined: invalid credentials", detail: "SalesforceInvalidCredentials", jobHref: "/service-principals/sp-q/jobs/sf.new", appName: "Salesforce" });
    expect(failing).toMatchObject({ title: "Last run failed", detail: "ConnectionTimeout · 4 failed runs in a row", since: { kind: "date", text: "1 hour ago" } });
    expect(escrows).toMatchObject({ title: "3 entries escrowed by the last run", detail: null });
  });

  it("still lists a quarantined job whose scan carries no quarantine details", () => {
    const [item] = attentionItems([entry("sp", "", [job("scim.1", { code: "Quarantine", lastExecution: run("Failed") })])], now);
    expect(item).toMatchObject({ reason: "quarantine", title: "Quarantined", since: null, appName: "app-sp" });
  });

  it("is empty for a healthy tenant", () => {
    expect(attentionItems([entries[0], entry("sp-nc", "Databricks", [job("db.1", { code: "NotConfigured" })])], now)).toEqual([]);
  });
});
