import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { describe, expect, it } from "vitest";
import {
  EXECUTION_RESULTS,
  QUARANTINE_REASONS,
  SCHEDULE_STATES,
  STATUS_CODES,
  isActive,
  isRunningInitialCycle,
  parseExecutionResult,
  parseQuarantineReason,
  parseScheduleState,
  parseStatusCode,
  statusCodeOf,
  type Term,
} from "./vocabulary";

/** The members as SYNC-API.md §4.2 lists them (CSDL order). */
const DOCUMENTED = {
  status: ["NotConfigured", "NotRun", "Active", "Paused", "Quarantine"],
  schedule: ["Active", "Disabled", "Paused"],
  execution: ["Succeeded", "Failed", "EntryLevelErrors"],
  quarantine: [
    "EncounteredBaseEscrowThreshold",
    "EncounteredTotalEscrowThreshold",
    "EncounteredEscrowProportionThreshold",
    "EncounteredQuarantineException",
    "Unknown",
    "QuarantinedOnDemand",
    "TooManyDeletes",
    "IngestionInterrupted",
  ],
};

const VOCABULARIES: [string, Record<string, Term>, string[]][] = [
  ["status codes", STATUS_CODES, DOCUMENTED.status],
  ["schedule states", SCHEDULE_STATES, DOCUMENTED.schedule],
  ["run results", EXECUTION_RESULTS, DOCUMENTED.execution],
  ["quarantine reasons", QUARANTINE_REASONS, DOCUMENTED.quarantine],
];

describe.each(VOCABULARIES)("%s", (_name, vocabulary, documented) => {
  it("covers exactly the documented members", () => {
    expect(Object.keys(vocabulary)).toEqual(documented);
  });

  it("gives every member a label, a tone and a meaning", () => {
    for (const term of Object.values(vocabulary)) {
      expect(term.label.trim()).not.toBe("");
      expect(term.meaning.length).toBeGreaterThan(15);
      expect(["success", "info", "warning", "danger", "neutral"]).toContain(term.tone);
    }
    expect(new Set(Object.values(vocabulary).map((term) => term.label)).size).toBe(documented.length);
  });
});

describe("status code meanings", () => {
  it("quote the synchronizationStatus resource page", () => {
    expect(STATUS_CODES.NotRun.meaning).toBe("Job was configured, and possibly started, but hasn't completed its first run.");
    expect(STATUS_CODES.Active.meaning).toBe("Job is running periodically.");
    expect(STATUS_CODES.Paused.meaning).toMatch(/state of the job is preserved/);
    expect(STATUS_CODES.Quarantine.meaning).toMatch(/^Job is in quarantine\..*reduced frequency\.$/);
    expect(STATUS_CODES.Quarantine.tone).toBe("danger");
    expect(STATUS_CODES.Active.tone).toBe("success");
  });
});

describe("quarantine reasons", () => {
  it("say what happened and what to do", () => {
    expect(QUARANTINE_REASONS.EncounteredQuarantineException.meaning).toMatch(/saved admin credentials are invalid/);
    expect(QUARANTINE_REASONS.EncounteredEscrowProportionThreshold.meaning).toMatch(/More than 40% of provisioning events failed/);
    expect(QUARANTINE_REASONS.TooManyDeletes.meaning).toMatch(/accidental-deletions threshold.*ForceDeletes/);
    expect(QUARANTINE_REASONS.QuarantinedOnDemand.meaning).toMatch(/Microsoft/);
  });
});

describe("parsers", () => {
  it.each([
    ["notConfigured", "NotConfigured"],
    ["NOTRUN", "NotRun"],
    [" active ", "Active"],
    ["quarantine", "Quarantine"],
  ])("read the status code %j as %s", (raw, code) => {
    expect(parseStatusCode(raw)).toMatchObject({ known: true, code, raw: raw.trim(), label: STATUS_CODES[code as keyof typeof STATUS_CODES].label });
  });

  it("read the other enums case-insensitively", () => {
    expect(parseScheduleState("disabled").code).toBe("Disabled");
    expect(parseExecutionResult("ENTRYLEVELERRORS").code).toBe("EntryLevelErrors");
    expect(parseQuarantineReason("encounteredquarantineexception").code).toBe("EncounteredQuarantineException");
    expect(parseQuarantineReason("unknown")).toMatchObject({ known: true, code: "Unknown" });
  });

  it("return an unknown entry that keeps the raw value", () => {
    expect(parseStatusCode("Exploded")).toEqual({
      known: false,
      code: "unknown",
      raw: "Exploded",
      label: "Exploded",
      tone: "neutral",
      meaning: 'Graph reported the status code "Exploded", which this console does not recognise.',
    });
    expect(parseStatusCode(3)).toMatchObject({ known: false, raw: "3", label: "3" });
    expect(parseQuarantineReason("Quarantine Exception")).toMatchObject({ known: false, label: "Quarantine Exception" });
  });

  it("call missing values not reported", () => {
    for (const raw of [undefined, null, "", "  "]) {
      expect(parseScheduleState(raw)).toMatchObject({ known: false, code: "unknown", raw: "", label: "Not reported" });
    }
  });

  it("do not match inherited object keys", () => {
    expect(parseStatusCode("constructor").known).toBe(false);
    expect(parseStatusCode("toString").known).toBe(false);
  });
});

describe("predicates", () => {
  const job = (code: string | undefined) => ({ status: code === undefined ? null : { code } }) as SynchronizationJob;

  it("read the status code case-insensitively", () => {
    expect(statusCodeOf(job("quarantine"))).toBe("Quarantine");
    expect(isRunningInitialCycle(job("NotRun"))).toBe(true);
    expect(isActive(job("ACTIVE"))).toBe(true);
    expect(statusCodeOf(job("notConfigured"))).toBe("NotConfigured");
  });

  it("are false for other codes, unknown values and missing jobs", () => {
    expect(isActive(job("NotRun"))).toBe(false);
    expect(isRunningInitialCycle(job("Active"))).toBe(false);
    expect(isActive(job(undefined))).toBe(false);
    expect(isActive(null)).toBe(false);
    expect(statusCodeOf(job("Sleeping"))).toBe("unknown");
    expect(statusCodeOf(undefined)).toBe("unknown");
  });
});
