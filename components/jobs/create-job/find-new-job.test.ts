import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { describe, expect, it } from "vitest";
import { findNewJob, jobsFromTemplate, mergeJobs } from "./find-new-job";

const job = (id: string, templateId: string | null | undefined): SynchronizationJob => ({ id, templateId });
const box1 = job("BoxOutDelta.1", "BoxOutDelta");
const box2 = job("BoxOutDelta.2", "BoxOutDelta");
const box3 = job("BoxOutDelta.3", "BoxOutDelta");
const scim = job("scim.1", "scim");

describe("findNewJob", () => {
  it("finds nothing when the list did not change", () => {
    expect(findNewJob([box1, scim], [scim, box1], "BoxOutDelta")).toEqual({ kind: "absent" });
  });
  it("finds the one new job of the template", () => {
    expect(findNewJob([box1], [box1, box2], "BoxOutDelta")).toEqual({ kind: "exists", job: box2 });
    expect(findNewJob([], [box1], "BoxOutDelta")).toEqual({ kind: "exists", job: box1 });
  });
  it("ignores new jobs of other templates", () => {
    expect(findNewJob([box1], [box1, scim], "BoxOutDelta")).toEqual({ kind: "absent" });
  });
  it("reports several new jobs of the template", () => {
    expect(findNewJob([box1], [box1, box2, box3], "BoxOutDelta")).toEqual({ kind: "several", jobs: [box2, box3] });
  });
  it("ignores jobs that disappeared, and compares template ids without case", () => {
    expect(findNewJob([box1, box2], [box2], "BoxOutDelta")).toEqual({ kind: "absent" });
    expect(findNewJob([], [box1], "boxoutdelta")).toEqual({ kind: "exists", job: box1 });
  });
  it("goes by templateId, never by parsing the job id", () => {
    expect(findNewJob([], [job("BoxOutDelta.9", null), job("x", "BoxOutDelta")], "BoxOutDelta")).toEqual({ kind: "exists", job: job("x", "BoxOutDelta") });
  });
  it("ignores entries without an id", () => {
    expect(findNewJob([], [{ templateId: "BoxOutDelta" }, job("", "BoxOutDelta")], "BoxOutDelta")).toEqual({ kind: "absent" });
  });
});

describe("jobsFromTemplate and mergeJobs", () => {
  it("filters by template", () => {
    expect(jobsFromTemplate([box1, scim, box2], "BoxOutDelta")).toEqual([box1, box2]);
    expect(jobsFromTemplate([job("a", undefined)], "BoxOutDelta")).toEqual([]);
  });
  it("merges by id, the later list winning", () => {
    const updated = { ...box1, schedule: { state: "Active" as const } };
    expect(mergeJobs([box1, scim], [updated, box2])).toEqual([updated, scim, box2]);
  });
});
