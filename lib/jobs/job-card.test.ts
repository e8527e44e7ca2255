import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { docExampleJob } from "@/test/support/doc-examples";
import { toJobCard, type JobCard } from "./job-card";

const now = new Date("2026-11-29T12:00:00Z");

const CREATE_RESPONSE = "beta/synchronization-synchronization-post-jobs__create_synchronizationjob_from_synchronization__response.http";
const GET_RESPONSE = "beta/synchronization-synchronizationjob-get__get_synchronizationjob__response.http";
const AFTER_START_RESPONSE = "concepts/entra-docs_cross-tenant-synchronization-configure-graph__get_job_after_start__response.http";

function count(card: JobCard, id: string): number | undefined {
  return card.status.lastExecution?.counts.find((item) => item.id === id)?.value;
}

/** A realistic running job, in the emulator's shape, to reshape field by field. */
function runningJob(status: Record<string, unknown> = {}, schedule: Record<string, unknown> = {}): SynchronizationJob {
  return {
    id: "scim.9a8b7c6d5e4f40312a1b2c3d4e5f6a05",
    templateId: "scim",
    schedule: { expiration: null, interval: "PT40M", state: "Active", ...schedule },
    status: {
      code: "NotRun",
      countSuccessiveCompleteFailures: 0,
      escrowsPruned: false,
      lastExecution: null,
      progress: [{ completedUnits: 1025, progressObservationDateTime: "2026-11-29T11:59:00Z", totalUnits: 3024, units: "pages" }],
      quarantine: null,
      steadyStateFirstAchievedTime: "0001-01-01T00:00:00Z",
      steadyStateLastAchievedTime: "0001-01-01T00:00:00Z",
      synchronizedEntryCountByType: [],
      troubleshootingUrl: null,
      ...status,
    } as SynchronizationJob["status"],
  };
}

describe("toJobCard on the documented create-job response", () => {
  const card = toJobCard(docExampleJob(CREATE_RESPONSE), now);

  it("reads a new job as disabled, not scheduled and not configured", () => {
    expect(card.templateId).toBe("BoxOutDelta");
    expect(card.schedule.state).toMatchObject({ known: true, code: "Disabled", label: "Disabled" });
    expect(card.schedule.interval).toBe("Not scheduled");
    expect(card.schedule.intervalRaw).toBe("P10675199DT2H48M5.4775807S");
    expect(card.schedule.expiration).toEqual({ kind: "unset", text: "No expiration" });
    expect(card.status.code).toMatchObject({ code: "NotConfigured", label: "Not configured", tone: "neutral" });
    expect(card.status.code.meaning).toBe("Job was not configured and never run. No authorization was provided.");
  });

  it("reads the year-1 steady state as never and shows no executions", () => {
    expect(card.status.steadyState.first).toEqual({ kind: "never", text: "Never" });
    expect(card.status.steadyState.last).toEqual({ kind: "never", text: "Never" });
    expect(card.status.lastExecution).toBeNull();
    expect(card.status.lastSuccessfulExecution).toBeNull();
    expect(card.status.quarantine).toBeNull();
    expect(card.status.progress).toBeNull();
    expect(card.status.entryCounts).toEqual([]);
    expect(card.status.troubleshootingUrl).toBeNull();
    expect(card.status.consecutiveFailures).toBe(0);
    expect(card.status.escrowsPruned).toBe(false);
  });
});

describe("toJobCard on the documented get-job response", () => {
  const card = toJobCard(docExampleJob(GET_RESPONSE), now);

  it("keeps quarantine details sent with empty-string dates and reason", () => {
    expect(card.status.code.code).toBe("Paused");
    const quarantine = card.status.quarantine!;
    expect(quarantine.reason).toMatchObject({ known: false, code: "unknown", raw: "", label: "Not reported" });
    expect(quarantine.since).toEqual({ kind: "unset", text: "Not set" });
    expect(quarantine.nextAttempt).toEqual({ kind: "unset", text: "Not set" });
    expect(quarantine.seriesCount).toBe(2);
    expect(quarantine.error).toEqual({
      code: "SalesforceInvalidCredentials",
      message: expect.stringContaining("Your Salesforce.com credentials are invalid."),
      tenantActionable: true,
    });
  });

  it("treats an empty progress list as no progress", () => {
    expect(card.status.progress).toBeNull();
  });
});

describe("toJobCard on the documented job right after Start", () => {
  const card = toJobCard(docExampleJob(AFTER_START_RESPONSE), now);

  it("reads NotRun with a 40-minute schedule", () => {
    expect(card.status.code.code).toBe("NotRun");
    expect(card.schedule.state.code).toBe("Active");
    expect(card.schedule.interval).toBe("Every 40 minutes");
  });

  it("drops the placeholder run (year-1 times, zero counts, error code None) and the empty URL", () => {
    expect(card.status.lastExecution).toBeNull();
    expect(card.status.troubleshootingUrl).toBeNull();
  });
});

describe("toJobCard on every seeded emulator job", () => {
  let emulator: TestEmulator;
  let emulatorNow: Date;
  const cards = new Map<string, JobCard>();

  beforeAll(async () => {
    emulator = await startTestEmulator();
    emulatorNow = new Date((await emulator.control("GET", "clock")).body.now);
    for (const sp of Object.values(SP)) {
      const response = await emulator.call<{ value: SynchronizationJob[] }>("GET", `/beta/servicePrincipals/${sp}/synchronization/jobs`);
      expect(response.status).toBe(200);
      for (const job of response.body.value) cards.set(job.id!, toJobCard(job, emulatorNow));
    }
  });
  afterAll(async () => emulator?.close());

  it("recognises every status, schedule state and run result", () => {
    expect([...cards.keys()]).toEqual(expect.arrayContaining(Object.values(JOB)));
    for (const card of cards.values()) {
      expect(card.status.code.known).toBe(true);
      expect(card.schedule.state.known).toBe(true);
      expect(card.templateId).toBe(card.id.split(".")[0]);
      if (card.status.lastExecution) expect(card.status.lastExecution.state.known).toBe(true);
    }
  });

  it("reads the quarantined Salesforce job in words", () => {
    const card = cards.get(JOB.salesforceQuarantined)!;
    expect(card.status.code.code).toBe("Quarantine");
    const quarantine = card.status.quarantine!;
    expect(quarantine.reason).toMatchObject({ code: "EncounteredQuarantineException", label: "Invalid credentials" });
    expect(quarantine.reason.meaning).toMatch(/admin credentials are invalid/);
    expect(quarantine.since).toEqual(quarantine.seriesBegan);
    expect(quarantine.since).toMatchObject({ kind: "date", text: expect.stringMatching(/^\d+ days ago$/) });
    expect(quarantine.currentBegan.kind).toBe("date");
    expect(quarantine.nextAttempt).toMatchObject({ kind: "date", text: expect.stringMatching(/^(tomorrow|in \d+ hours?)$/) });
    expect(quarantine.seriesCount).toBeGreaterThan(0);
    expect(quarantine.error?.code).toBe("SalesforceInvalidCredentials");
    expect(card.status.consecutiveFailures).toBeGreaterThan(0);
    expect(card.status.troubleshootingUrl).toMatch(/^https:\/\//);
    expect(card.status.lastExecution?.state.code).toBe("Failed");
    expect(card.status.lastSuccessfulExecution).toBeNull();
  });

  it("reads the initial cycle's progress in pages", () => {
    const card = cards.get(JOB.customScimInitial)!;
    expect(card.status.code.code).toBe("NotRun");
    const progress = card.status.progress!;
    expect(progress.units).toBe("pages");
    expect(progress.totalUnits).toBeGreaterThan(progress.completedUnits);
    expect(progress.label).toBe(`${progress.completedUnits} of ${progress.totalUnits} pages`);
    expect(progress.percent).toBe(Math.floor((progress.completedUnits / progress.totalUnits) * 100));
    expect(progress.observed.kind).toBe("date");
  });

  it("reads active jobs with runs, counts and steady state", () => {
    const card = cards.get(JOB.slackActive)!;
    expect(card.status.code.code).toBe("Active");
    expect(card.status.lastExecution?.state.code).toBe("Succeeded");
    expect(card.status.lastExecution?.began.kind).toBe("date");
    expect(count(card, "entitled")).toBeGreaterThan(0);
    expect(card.status.steadyState.first.kind).toBe("date");
    expect(card.status.entryCounts.map((entry) => entry.type)).toEqual(["Group to Group", "User to User"]);
    expect(card.status.entryCounts.every((entry) => typeof entry.count === "number" && entry.count > 0)).toBe(true);
  });

  it("reads paused and not-configured jobs", () => {
    expect(cards.get(JOB.boxPaused)!.status.code.code).toBe("Paused");
    expect(cards.get(JOB.cloudSyncPasswordHash)!.schedule.state.code).toBe("Paused");
    const databricks = cards.get(JOB.databricksNotConfigured)!;
    expect(databricks.status.code.code).toBe("NotConfigured");
    expect(databricks.schedule.interval).toBe("Not scheduled");
    expect(databricks.status.steadyState.last.text).toBe("Never");
  });
});

describe("toJobCard details", () => {
  it("maps execution counts, times and errors", () => {
    const card = toJobCard(
      runningJob({
        code: "Active",
        lastExecution: {
          activityIdentifier: "run-7",
          countEntitled: 1249,
          countEntitledForProvisioning: 1249,
          countEscrowed: 3,
          countEscrowedRaw: 4,
          countExported: 1,
          countExports: 2,
          countImported: 19,
          countImportedDeltas: 18,
          countImportedReferenceDeltas: 2,
          error: { code: "SlackUserExists", message: "The user already exists.", tenantActionable: false },
          state: "EntryLevelErrors",
          timeBegan: "2026-11-29T11:20:00Z",
          timeEnded: "2026-11-29T11:21:00Z",
        },
      }),
      now,
    );
    const run = card.status.lastExecution!;
    expect(run.state).toMatchObject({ code: "EntryLevelErrors", tone: "warning" });
    expect(run.began).toEqual({ kind: "date", text: "40 minutes ago", iso: "2026-11-29T11:20:00.000Z", absolute: "29 Nov 2026, 11:20:00 UTC" });
    expect(run.ended.text).toBe("39 minutes ago");
    expect(run.activityId).toBe("run-7");
    expect(run.counts.map((item) => [item.id, item.value])).toEqual([
      ["imported", 19],
      ["importedDeltas", 18],
      ["importedReferenceDeltas", 2],
      ["exported", 1],
      ["exports", 2],
      ["escrowed", 3],
      ["escrowedRaw", 4],
      ["entitled", 1249],
      ["entitledForProvisioning", 1249],
    ]);
    expect(run.error).toEqual({ code: "SlackUserExists", message: "The user already exists.", tenantActionable: false });
  });

  it("tolerates an empty object, nulls and missing properties", () => {
    for (const job of [{}, { schedule: null, status: null }, { id: "x", status: { lastExecution: {}, quarantine: {}, progress: [null, {}] } }] as SynchronizationJob[]) {
      const card = toJobCard(job, now);
      expect(card.status.code).toMatchObject({ known: false, code: "unknown", label: "Not reported" });
      expect(card.schedule.state.code).toBe("unknown");
      expect(card.schedule.interval).toBe("No interval");
      expect(card.status.steadyState.first).toEqual({ kind: "unset", text: "Not set" });
      expect(card.status.lastExecution).toBeNull();
      expect(card.status.entryCounts).toEqual([]);
    }
    const partial = toJobCard({ id: "x", status: { lastExecution: {}, quarantine: {}, progress: [{}] } } as SynchronizationJob, now);
    expect(partial.templateId).toBeNull();
    expect(partial.status.quarantine).toMatchObject({ seriesCount: 0, error: null, reason: { code: "unknown" } });
    expect(partial.status.progress).toMatchObject({ completedUnits: 0, totalUnits: 0, percent: null, label: "0 units" });
  });

  it("reads Int64 counts sent as strings and sorts entry counts by type", () => {
    const card = toJobCard(
      runningJob({
        countSuccessiveCompleteFailures: "12" as unknown as number,
        synchronizedEntryCountByType: [
          { key: "User to User", value: "2383" as unknown as number },
          { key: "Group to Group", value: 56 },
          { key: null, value: 1 },
        ],
      }),
      now,
    );
    expect(card.status.consecutiveFailures).toBe(12);
    expect(card.status.entryCounts).toEqual([
      { type: "Group to Group", count: 56 },
      { type: "Unnamed type", count: 1 },
      { type: "User to User", count: 2383 },
    ]);
  });

  it("takes the latest progress observation and formats its label", () => {
    const card = toJobCard(
      runningJob({
        progress: [
          { completedUnits: 2000, progressObservationDateTime: "2026-11-29T11:00:00Z", totalUnits: 3024, units: "pages" },
          { completedUnits: 1025, progressObservationDateTime: "2026-11-29T11:59:00Z", totalUnits: 3024, units: "pages" },
        ],
      }),
      now,
    );
    expect(card.status.progress).toMatchObject({ completedUnits: 1025, totalUnits: 3024, percent: 33, units: "pages", label: "1,025 of 3,024 pages" });
    expect(card.status.progress?.observed.text).toBe("1 minute ago");
  });

  it("never reports more than 100 percent", () => {
    const card = toJobCard(runningJob({ progress: [{ completedUnits: 40, totalUnits: 36, units: null }] }), now);
    expect(card.status.progress).toMatchObject({ percent: 100, units: "units", label: "40 of 36 units" });
  });

  it("parses enum values case-insensitively", () => {
    const card = toJobCard(
      runningJob(
        {
          code: "notConfigured",
          quarantine: { reason: "toomanydeletes", seriesCount: 1, currentBegan: "2026-11-29T10:00:00Z", seriesBegan: "" },
          lastExecution: { state: "entrylevelerrors", timeBegan: "2026-11-29T11:00:00Z" },
        },
        { state: " PAUSED " },
      ),
      now,
    );
    expect(card.status.code).toMatchObject({ known: true, code: "NotConfigured", raw: "notConfigured" });
    expect(card.schedule.state).toMatchObject({ known: true, code: "Paused" });
    expect(card.status.lastExecution?.state.code).toBe("EntryLevelErrors");
    expect(card.status.quarantine?.reason).toMatchObject({ code: "TooManyDeletes", label: "Too many deletions" });
    expect(card.status.quarantine?.reason.meaning).toMatch(/ForceDeletes/);
    // seriesBegan is "", so "since" falls back to currentBegan.
    expect(card.status.quarantine?.since.text).toBe("2 hours ago");
  });

  it("keeps unknown enum values visible instead of throwing", () => {
    const card = toJobCard(
      runningJob({ code: "Exploded", quarantine: { reason: "SolarFlare" }, lastExecution: { state: "Partial", timeBegan: "2026-11-29T11:00:00Z" } }, { state: "Sleeping" }),
      now,
    );
    expect(card.status.code).toMatchObject({ known: false, code: "unknown", raw: "Exploded", label: "Exploded", tone: "neutral" });
    expect(card.status.code.meaning).toContain('"Exploded"');
    expect(card.schedule.state).toMatchObject({ code: "unknown", label: "Sleeping" });
    expect(card.status.quarantine?.reason).toMatchObject({ code: "unknown", label: "SolarFlare" });
    expect(card.status.lastExecution?.state).toMatchObject({ code: "unknown", label: "Partial" });
  });

  it.each([
    "javascript:alert(1)",
    " JaVaScRiPt:alert(document.cookie)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "/relative/path",
    "//evil.example/x",
    "ftp://example.com/file",
    "",
    "   ",
  ])("drops the troubleshooting URL %j", (url) => {
    expect(toJobCard(runningJob({ troubleshootingUrl: url }), now).status.troubleshootingUrl).toBeNull();
  });

  it("keeps http(s) troubleshooting URLs", () => {
    expect(toJobCard(runningJob({ troubleshootingUrl: " https://go.microsoft.com/fwlink/?linkid=2105915 " }), now).status.troubleshootingUrl).toBe(
      "https://go.microsoft.com/fwlink/?linkid=2105915",
    );
    expect(toJobCard(runningJob({ troubleshootingUrl: "http://example.com/help" }), now).status.troubleshootingUrl).toBe("http://example.com/help");
  });

  it("reads a year-1 expiration as no expiration and a real one relatively", () => {
    expect(toJobCard(runningJob({}, { expiration: "0001-01-01T00:00:00Z" }), now).schedule.expiration.text).toBe("No expiration");
    expect(toJobCard(runningJob({}, { expiration: "2026-12-29T12:00:00Z" }), now).schedule.expiration).toMatchObject({ kind: "date", text: "next month" });
  });
});
