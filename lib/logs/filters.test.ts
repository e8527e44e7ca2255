import { describe, expect, it } from "vitest";
import { NO_FILTERS, logsSearch, parseEntryParam, parseLogFilters, withApp, withEntry, type LogsScope } from "./filters";

const TENANT: LogsScope = { kind: "tenant" };
const JOB: LogsScope = { kind: "job", servicePrincipalId: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d04", jobId: "aws.5d4c3b2a1f0e4d9c8b7a6f5e4d3c2b04" };
const parse = (query: string, scope: LogsScope = TENANT) => parseLogFilters(new URLSearchParams(query), scope);

describe("parseLogFilters", () => {
  it("reads every filter and writes it back in the same canonical order", () => {
    const query =
      "status=failure&action=create&q=Megan+Bowen&range=custom&from=2026-11-30T08%3A00&to=2026-12-01T09%3A30&cycle=aws.5d4c.216&job=aws.5d4c&app=3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d04";
    const { filters, problems } = parse(query);
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      status: "failure",
      action: "create",
      search: "Megan Bowen",
      range: "custom",
      from: "2026-11-30T08:00",
      to: "2026-12-01T09:30",
      cycleId: "aws.5d4c.216",
      jobId: "aws.5d4c",
      servicePrincipalId: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d04",
    });
    expect(logsSearch(filters)).toBe(`?${query}`);
    expect(parse(logsSearch(filters).slice(1)).filters).toEqual(filters);
  });

  it("reads nothing from an empty address, and writes nothing back", () => {
    expect(parse("")).toEqual({ filters: NO_FILTERS, problems: [] });
    expect(logsSearch(NO_FILTERS)).toBe("");
  });

  it("takes status and action in any case and keeps Graph's spelling", () => {
    expect(parse("status=FAILURE&action=stageddelete").filters).toMatchObject({ status: "failure", action: "stagedDelete" });
  });

  it("drops values the console cannot send, and says which", () => {
    const { filters, problems } = parse("status=broken&action=explode&range=week&cycle=a'b&job=..&app=not-a-guid");
    expect(filters).toEqual(NO_FILTERS);
    expect(problems).toHaveLength(6);
    expect(problems[0]).toBe("Ignored the status “broken”: it is not one of success, failure, skipped, warning.");
    expect(problems.join(" ")).toContain("cycle id “a'b”");
    expect(problems.join(" ")).toContain("app (service principal id)");
  });

  it("keeps search text as typed (quotes included), without control characters, at most 200 characters", () => {
    expect(parse("q=%20O'Brien%20").filters.search).toBe("O'Brien");
    expect(parse("q=a%00%0Ab").filters.search).toBe("a b");
    const long = parse(`q=${"x".repeat(250)}`);
    expect(long.filters.search).toHaveLength(200);
    expect(long.problems).toEqual(["Shortened the search to its first 200 characters."]);
  });

  it("relative ranges need no dates; dates only count in a custom range", () => {
    expect(parse("range=24h&from=2026-11-30T08:00").filters).toMatchObject({ range: "24h", from: null, to: null });
    expect(logsSearch(parse("range=7d").filters)).toBe("?range=7d");
  });

  it("reads from/to without range as a custom range, and refuses impossible ones", () => {
    expect(parse("to=2026-12-01T09:30").filters).toMatchObject({ range: "custom", from: null, to: "2026-12-01T09:30" });
    expect(parse("range=custom").problems).toEqual(["A custom time range needs a start or an end: showing any time."]);
    const reversed = parse("range=custom&from=2026-12-02T00:00&to=2026-12-01T00:00");
    expect(reversed.filters.range).toBe("any");
    expect(reversed.problems[0]).toContain("is after its end");
    const bad = parse("range=custom&from=yesterday&to=2026-12-01T09:30");
    expect(bad.filters).toMatchObject({ range: "custom", from: null, to: "2026-12-01T09:30" });
    expect(bad.problems[0]).toContain("Ignored the start time “yesterday”");
  });

  it("on a job's page, its path names the job and app: those params are not read", () => {
    expect(parse("job=other.1&app=3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01&status=skipped", JOB)).toEqual({
      filters: { ...NO_FILTERS, status: "skipped" },
      problems: [],
    });
  });
});

describe("the open entry", () => {
  it("is read from ?entry= and validated", () => {
    expect(parseEntryParam(new URLSearchParams("entry=e7d8bffc-7bbf-590b-895d-f4830ff2ad93"))).toEqual({ entryId: "e7d8bffc-7bbf-590b-895d-f4830ff2ad93", problem: null });
    expect(parseEntryParam(new URLSearchParams("entry=../x")).entryId).toBeNull();
    expect(parseEntryParam(new URLSearchParams("entry=../x")).problem).toContain("log entry");
  });

  it("is added to or removed from a view's query string", () => {
    expect(withEntry("?status=failure", "abc")).toBe("?status=failure&entry=abc");
    expect(withEntry("?status=failure&entry=abc", null)).toBe("?status=failure");
    expect(withEntry("", null)).toBe("");
    expect(withApp("?status=failure&app=x", "y")).toBe("?status=failure&app=y");
  });
});
