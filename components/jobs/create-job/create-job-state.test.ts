import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { describe, expect, it } from "vitest";
import type { ActionError } from "@/lib/errors/action-result";
import { createJobReducer, initialCreateJobState, type CreateJobAction, type CreateJobState } from "./create-job-state";

const NOW = Date.parse("2026-12-01T12:00:00Z");
const box1: SynchronizationJob = { id: "BoxOutDelta.1", templateId: "BoxOutDelta" };
const box2: SynchronizationJob = { id: "BoxOutDelta.2", templateId: "BoxOutDelta" };
const scim: SynchronizationJob = { id: "scim.1", templateId: "scim" };
const unavailable: ActionError = { kind: "server", status: 503, code: "ServiceUnavailable", message: "", ambiguous: true };
const throttled: ActionError = { kind: "throttled", status: 429, code: "TooManyRequests", message: "", retryAfterSeconds: 9 };

const run = (state: CreateJobState, ...actions: CreateJobAction[]) => actions.reduce(createJobReducer, state);
const idle = initialCreateJobState("BoxOutDelta");
const submitted = run(idle, { type: "confirm", confirmed: true }, { type: "submit", templateId: "BoxOutDelta" });
/** After a 503 whose job-list check could not run. */
const unsettled = run(submitted, {
  type: "failed",
  outcome: { kind: "failed", error: unavailable, check: { kind: "unknown", error: { kind: "network", status: 0, code: "NetworkError", message: "" } } },
  templateId: "BoxOutDelta",
  before: [box1],
  now: NOW,
});

describe("createJobReducer", () => {
  it("starts idle with the preselected template", () => {
    expect(idle).toEqual({
      selected: "BoxOutDelta",
      confirmed: false,
      problem: null,
      discovered: [],
      busy: null,
      created: null,
      failure: null,
      retryAt: null,
      announcement: "",
    });
  });

  it("selecting a template clears the confirmation and the problem", () => {
    const state = run(idle, { type: "confirm", confirmed: true }, { type: "refuse", problem: "Choose a template." }, { type: "select", templateId: "scim" });
    expect(state).toMatchObject({ selected: "scim", confirmed: false, problem: null });
  });

  it("confirming the duplicate (or not) clears the problem", () => {
    const refused = run(idle, { type: "refuse", problem: "Confirm that you want another job from BoxOutDelta." });
    expect(refused.problem).toBe("Confirm that you want another job from BoxOutDelta.");
    expect(run(refused, { type: "confirm", confirmed: true })).toMatchObject({ confirmed: true, problem: null });
    expect(run(refused, { type: "confirm", confirmed: false })).toMatchObject({ confirmed: false, problem: null });
  });

  it("a submit clears the problem and the last failure and announces the create", () => {
    const state = run(unsettled, { type: "refuse", problem: "x" }, { type: "submit", templateId: "BoxOutDelta" });
    expect(state).toMatchObject({ busy: "creating", problem: null, failure: null, announcement: "Creating a job from BoxOutDelta…" });
  });

  it("created: shows the job, remembers it, drops the failure, the wait and the confirmation", () => {
    const throttledFirst = run(submitted, { type: "failed", outcome: { kind: "failed", error: throttled }, templateId: "BoxOutDelta", before: [], now: NOW });
    const state = run(throttledFirst, { type: "submit", templateId: "BoxOutDelta" }, {
      type: "created",
      outcome: { kind: "created", job: box2, jobsNow: [box1, scim] },
      templateId: "BoxOutDelta",
    });
    expect(state).toMatchObject({ busy: null, created: { job: box2 }, failure: null, retryAt: null, confirmed: false });
    expect(state.discovered).toEqual([box1, scim, box2]);
    expect(state.announcement).toBe("Job BoxOutDelta.2 created from BoxOutDelta. It is disabled: provide the admin credentials, then start it.");
  });

  it("failed: keeps the template and the list it started from, waits out Retry-After, and announces Graph's words", () => {
    const state = run(submitted, { type: "failed", outcome: { kind: "failed", error: throttled }, templateId: "BoxOutDelta", before: [box1], now: NOW });
    expect(state).toMatchObject({ busy: null, created: null, confirmed: true, failure: { error: throttled, templateId: "BoxOutDelta", before: [box1] } });
    expect(state.retryAt).toBe(NOW + 9_000);
    expect(state.announcement).toMatch(/^Job not created: .+\.$/);
    expect(state.discovered).toEqual([]);
  });

  it("failed: no wait without Retry-After, and the jobs a check listed are remembered", () => {
    const state = run(submitted, {
      type: "failed",
      outcome: { kind: "failed", error: unavailable, check: { kind: "absent" }, jobsNow: [box1, scim] },
      templateId: "BoxOutDelta",
      before: [box1],
      now: NOW,
    });
    expect(state.retryAt).toBeNull();
    expect(state.failure?.check).toEqual({ kind: "absent" });
    expect(state.discovered).toEqual([box1, scim]);
  });

  it("check again: announces the look at the job list; nothing to check without a failure", () => {
    expect(run(unsettled, { type: "check" })).toMatchObject({ busy: "checking", announcement: "Checking the service principal's jobs…" });
    expect(run(idle, { type: "check" })).toBe(idle);
  });

  it("check again, absent: trying again is safe", () => {
    const state = run(unsettled, { type: "check" }, { type: "checked", check: { kind: "absent" }, jobsNow: [box1] });
    expect(state).toMatchObject({ busy: null, created: null, failure: { error: unavailable, templateId: "BoxOutDelta", before: [box1], check: { kind: "absent" } } });
    expect(state.announcement).toBe("No job was created. Trying again is safe.");
    expect(state.discovered).toEqual([box1]);
  });

  it("check again, exists: the job counts as created, recovered from the failure", () => {
    const state = run(unsettled, { type: "check" }, { type: "checked", check: { kind: "exists", job: box2 }, jobsNow: [box1, box2] });
    expect(state).toMatchObject({ busy: null, failure: null, retryAt: null, created: { kind: "created", job: box2, recoveredFrom: unavailable } });
    expect(state.discovered).toEqual([box1, box2]);
    expect(state.announcement).toBe("Job BoxOutDelta.2 created from BoxOutDelta. It is disabled: provide the admin credentials, then start it.");
  });

  it("check again, unknown (or several new jobs): still unsettled", () => {
    const error: ActionError = { kind: "server", status: 500, code: "generalException", message: "" };
    const unknown = run(unsettled, { type: "check" }, { type: "checked", check: { kind: "unknown", error } });
    expect(unknown).toMatchObject({ busy: null, failure: { error: unavailable, check: { kind: "unknown", error } } });
    expect(unknown.announcement).toBe("The check did not settle whether the job exists.");
    const several = run(unsettled, { type: "check" }, { type: "checked", check: { kind: "several", jobs: [box2, scim] }, jobsNow: [box1, box2, scim] });
    expect(several.failure?.check?.kind).toBe("several");
    expect(several.announcement).toBe("The check did not settle whether the job exists.");
  });

  it("create another: back to the form, keeping what it learnt", () => {
    const created = run(submitted, { type: "created", outcome: { kind: "created", job: box2 }, templateId: "BoxOutDelta" });
    const state = run(created, { type: "createAnother" });
    expect(state).toMatchObject({ created: null, failure: null, announcement: "", selected: "BoxOutDelta", confirmed: false });
    expect(state.discovered).toEqual([box2]);
  });
});
