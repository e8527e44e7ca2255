import { describe, expect, it } from "vitest";
import type { ActionError, ActionErrorKind } from "@/lib/errors/action-result";
import { describeError, type ErrorContext } from "./describe-error";

const error = (kind: ActionErrorKind, extra: Partial<ActionError> = {}): ActionError => ({ kind, status: 0, code: "X", message: "", ...extra });
const err = ({ kind = "unexpected", ...extra }: Partial<ActionError>): ActionError => error(kind, extra);
const JOB = "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01";
const VERB = { start: ["start", "started"], pause: ["pause", "paused"], restart: ["restart", "restarted"], delete: ["delete", "deleted"] } as const;
const change = (op: keyof typeof VERB): ErrorContext => ({ operation: "change", jobId: JOB, verb: { infinitive: VERB[op][0], done: VERB[op][1] } });

describe("reading", () => {
  it("names the missing permission for Graph's 401 UnknownError on /synchronization", () => {
    const problem = describeError(err({ kind: "missing-sync-permission", status: 401, code: "UnknownError" }), { operation: "read", action: "load the jobs" });
    expect(problem.title).toBe("Could not load the jobs: missing Synchronization permission");
    expect(problem.advice).toMatch(/Synchronization\.ReadWrite\.All/);
    expect(problem.retryable).toBe(false);
  });

  it("tells how long Graph asked to wait when throttled", () => {
    expect(describeError(err({ kind: "throttled", status: 429, retryAfterSeconds: 7 }), { operation: "read", action: "search" }).advice).toMatch(/7 seconds/);
  });

  it("offers retry only where it can help", () => {
    expect(describeError(err({ kind: "server", status: 503 }), { operation: "read", action: "x" }).retryable).toBe(true);
    expect(describeError(err({ kind: "network" }), { operation: "read", action: "x" }).retryable).toBe(true);
    expect(describeError(err({ kind: "not-found", status: 404 }), { operation: "read", action: "x" }).retryable).toBe(false);
    expect(describeError(err({ kind: "forbidden", status: 403 }), { operation: "read", action: "x" }).retryable).toBe(false);
  });

  it("passes Graph's own message through for bad requests", () => {
    expect(describeError(err({ kind: "bad-request", status: 400, message: "Invalid templateId" }), { operation: "read", action: "create the job" }).advice).toBe("Invalid templateId");
  });
});

describe("creating a job", () => {
  it.each([
    ["bad-request", /did not accept the template BoxOutDelta/, true],
    ["unauthenticated", /session expired/, true],
    ["missing-sync-permission", /lacks Synchronization\.ReadWrite\.All/, true],
    ["forbidden", /not create them/, true],
    ["not-found", /no longer exists/, true],
    ["throttled", /throttling/, true],
    ["invalid-input", /refused/, true],
    ["server", /had a problem/, false],
    ["network", /answer was lost/, false],
    ["conflict", /conflict/, false],
  ] as const)("%s", (kind, title, nothingChanged) => {
    const problem = describeError(error(kind), { operation: "create", templateId: "BoxOutDelta" });
    expect(problem.title).toMatch(title);
    expect(problem.nothingChanged).toBe(nothingChanged);
    expect(problem.advice.length).toBeGreaterThan(20);
  });

  it("quotes Graph's message for a refused template and states the wait for throttling", () => {
    expect(describeError(error("bad-request", { message: "No such template." }), { operation: "create", templateId: "x" }).advice).toContain("No such template.");
    expect(describeError(error("throttled", { retryAfterSeconds: 12 }), { operation: "create", templateId: "x" }).advice).toMatch(/wait 12 seconds.*safe/);
    expect(describeError(error("throttled", { retryAfterSeconds: 1 }), { operation: "create", templateId: "x" }).advice).toMatch(/wait 1 second\./);
  });

  it("says an unusable 2xx may have created the job", () => {
    expect(describeError(error("unexpected", { ambiguous: true, message: "No body." }), { operation: "create", templateId: "x" })).toMatchObject({ nothingChanged: false });
    expect(describeError(error("unexpected", { message: "Oops." }), { operation: "create", templateId: "x" })).toMatchObject({ nothingChanged: true });
  });
});

describe("changing a job", () => {
  it("says the state is uncertain after a 5xx or a lost connection, and that the status will refresh", () => {
    for (const kind of ["server", "network"] as const) {
      const problem = describeError(err({ kind, status: kind === "server" ? 503 : 0, ambiguous: true }), change("pause"));
      expect(problem.title).toMatch(/uncertain/);
      expect(problem.advice).toMatch(/may or may not have been paused/);
      expect(problem.advice).toMatch(/status will refresh/);
    }
  });

  it("shows the wait Graph asked for on 429", () => {
    const problem = describeError(err({ kind: "throttled", status: 429, retryAfterSeconds: 7 }), change("start"));
    expect(problem.advice).toContain("wait 7 seconds");
    expect(describeError(err({ kind: "throttled", status: 429, retryAfterSeconds: 1 }), change("start")).advice).toContain("wait 1 second.");
  });

  it("names the missing permission for 403 and for Graph's 401 UnknownError", () => {
    for (const kind of ["forbidden", "missing-sync-permission"] as const) {
      expect(describeError(err({ kind }), change("delete")).title).toContain("Synchronization.ReadWrite.All");
    }
  });

  it("covers the other kinds with a title naming the change", () => {
    for (const kind of ["invalid-input", "unauthenticated", "not-found", "bad-request", "conflict", "unexpected"] as const) {
      const problem = describeError(err({ kind, message: "m" }), change("restart"));
      expect(problem.title).toContain(`restart job ${JOB}`);
      expect(problem.advice).not.toBe("");
    }
  });
});

describe("testing a connection", () => {
  it("quotes the connector's refusal and says what to do; nothing was saved", () => {
    const problem = describeError(err({ kind: "bad-request", status: 400, code: "SalesforceInvalidCredentials", message: "Your Salesforce.com credentials are invalid." }), { operation: "test" });
    expect(problem.title).toBe("The application refused the connection");
    expect(problem.advice).toContain("“Your Salesforce.com credentials are invalid.”");
    expect(problem.advice).toMatch(/Check the admin credentials.*test again\. Nothing was saved\./);
    expect(problem.nothingChanged).toBe(true);
  });

  it("names the missing permission and a refused field", () => {
    expect(describeError(err({ kind: "forbidden", status: 403 }), { operation: "test" }).title).toContain("Synchronization.ReadWrite.All");
    expect(describeError(err({ kind: "invalid-input", message: "The Tenant URL must start with https://." }), { operation: "test" }).advice).toBe(
      "The Tenant URL must start with https://. Nothing was sent to the application.",
    );
  });
});

describe("saving a configuration", () => {
  it("says nothing was saved when Graph refused it", () => {
    for (const kind of ["bad-request", "invalid-input", "throttled", "forbidden", "unauthenticated", "not-found"] as const) {
      expect(describeError(err({ kind, message: "m" }), { operation: "save" }).advice, kind).toContain("Nothing was saved.");
    }
  });

  it("says a lost answer may have saved it, and that saving again is safe", () => {
    const problem = describeError(err({ kind: "server", status: 503, ambiguous: true }), { operation: "save" });
    expect(problem.title).toBe("The configuration may or may not have been saved");
    expect(problem.advice).toMatch(/Saving again is safe/);
    expect(problem.nothingChanged).toBe(false);
  });
});

describe("every operation and every kind", () => {
  const KINDS: ActionErrorKind[] = ["network", "unauthenticated", "missing-sync-permission", "forbidden", "not-found", "bad-request", "conflict", "throttled", "server", "unexpected", "invalid-input"];
  const CONTEXTS: ErrorContext[] = [{ operation: "read", action: "load the jobs" }, { operation: "create", templateId: "zoom" }, change("start"), { operation: "test" }, { operation: "save" }];
  it("has words, and an ambiguous failure never reads as 'nothing changed' or safe to retry", () => {
    for (const context of CONTEXTS) {
      for (const kind of KINDS) {
        for (const ambiguous of [false, true]) {
          const problem = describeError(error(kind, { message: "m", ambiguous }), context);
          expect(problem.title.length, `${context.operation}/${kind}`).toBeGreaterThan(5);
          expect(problem.advice.length, `${context.operation}/${kind}`).toBeGreaterThan(0);
          if (ambiguous) expect([problem.nothingChanged, problem.retryable], `${context.operation}/${kind}`).toEqual([false, false]);
        }
      }
    }
  });
});
