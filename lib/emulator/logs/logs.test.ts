import { describe, expect, it } from "vitest";
import { AuditLog, MAX_AUDIT_ENTRIES } from "./auditLog";
import { compileFilter } from "./filter";
import { MAX_PROVISIONING_CHARS, MAX_PROVISIONING_ENTRIES, PROVISIONING_FILTER_SCHEMA, ProvisioningLog, renderProvisioningEntry } from "./provisioningLog";
import { sampleProvisioningEvent } from "./sample";
import { LOG_RETENTION_MS, auditId, isoTime, logId, type DirectoryAuditEvent } from "./types";

const SP = { id: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d04", displayName: "AWS" };
const T0 = Date.parse("2026-11-01T00:00:00Z");
const event = (n: number, at = T0 + n * 1000, jobId = "aws.1") => sampleProvisioningEvent(n, { at, jobId, servicePrincipal: SP });
const ids = (log: ProvisioningLog, now = T0 + 10 * 86_400_000) => log.page({ filter: null, top: 1000, cursor: null, ascending: false }, now).items.map((e) => e.changeId);

describe("ProvisioningLog", () => {
  it("iterates newest first by activityDateTime, whatever the order of adds", () => {
    const log = new ProvisioningLog();
    for (const n of [3, 1, 4, 0, 2]) log.add(event(n));
    expect(ids(log)).toEqual([4, 3, 2, 1, 0].map((n) => event(n).changeId));
  });

  it("stores an event once (the engine may compute the same history twice)", () => {
    const log = new ProvisioningLog();
    expect(log.add(event(1))).toBe(true);
    expect(log.add(event(1))).toBe(false);
    expect(log.size).toBe(1);
  });

  it("keeps 30 days of engine time", () => {
    const log = new ProvisioningLog();
    log.add(event(0, T0));
    log.add(event(1, T0 + 86_400_000));
    expect(log.page({ filter: null, top: 10, cursor: null, ascending: false }, T0 + LOG_RETENTION_MS).items).toHaveLength(2);
    expect(log.page({ filter: null, top: 10, cursor: null, ascending: false }, T0 + LOG_RETENTION_MS + 1).items).toHaveLength(1);
    // An event already past retention is refused.
    expect(log.add(event(2, T0 - 1))).toBe(false);
    expect(log.size).toBe(1);
  });

  it("holds at most maxEntries and maxChars, dropping the oldest (and its job and service principal index entries)", () => {
    const log = new ProvisioningLog({ maxEntries: 100, maxChars: 1_000_000_000, retentionMs: LOG_RETENTION_MS });
    for (let n = 0; n < 250; n++) log.add(event(n, T0 + n, n % 2 ? "job.a" : "job.b"));
    expect(log.stats().entries).toBe(100);
    expect(ids(log).at(-1)).toBe(event(150, 0, "job.b").changeId); // the oldest kept
    const jobA = compileFilter("jobId eq 'job.a'", PROVISIONING_FILTER_SCHEMA["v1.0"]);
    expect(log.page({ filter: jobA, top: 1000, cursor: null, ascending: false }, T0).items).toHaveLength(50);
    const chars = log.stats().chars;
    const small = new ProvisioningLog({ maxEntries: 1_000_000, maxChars: Math.floor(chars / 2), retentionMs: LOG_RETENTION_MS });
    for (let n = 0; n < 250; n++) small.add(event(n, T0 + n));
    expect(small.stats().chars).toBeLessThanOrEqual(Math.floor(chars / 2));
    expect(small.stats().entries).toBeLessThan(60);
    expect(small.stats().entries).toBeGreaterThan(40);
  });

  it("defaults: 100,000 entries, 150 M characters, 30 days", () => {
    expect(MAX_PROVISIONING_ENTRIES).toBe(100_000);
    expect(MAX_PROVISIONING_CHARS).toBe(150_000_000);
    expect(LOG_RETENTION_MS).toBe(30 * 86_400_000);
    expect(MAX_AUDIT_ENTRIES).toBe(50_000);
  });

  it("pages by cursor without repeats when older entries arrive between pages", () => {
    const log = new ProvisioningLog();
    for (let n = 0; n < 10; n++) log.add(event(n * 2));
    const first = log.page({ filter: null, top: 4, cursor: null, ascending: false }, T0);
    log.add(event(100, T0 + 1)); // late, older than every entry of the first page
    const second = log.page({ filter: null, top: 4, cursor: first.next, ascending: false }, T0);
    const seen = [...first.items, ...second.items].map((e) => e.changeId);
    expect(new Set(seen).size).toBe(8);
    expect(first.items[0].at).toBeGreaterThan(second.items[0].at);
  });

  it("renders v1.0 without and beta with the deprecated action and statusInfo", () => {
    const log = new ProvisioningLog();
    log.add(event(3)); // failure
    log.add(event(0)); // success
    const [success, failure] = log.page({ filter: null, top: 10, cursor: null, ascending: true }, T0).items;
    const v1 = renderProvisioningEntry(failure, "v1.0");
    expect(v1).not.toHaveProperty("action");
    expect(v1).not.toHaveProperty("statusInfo");
    expect(v1.activityDateTime).toBe(isoTime(T0 + 3000));
    expect(v1.activityDateTime).toBe("2026-11-01T00:00:03Z");
    const beta = renderProvisioningEntry(failure, "beta");
    expect(beta.action).toBe("Update");
    expect(beta.statusInfo).toMatchObject({ "@odata.type": "#microsoft.graph.statusDetails", status: "failure", errorCode: "SystemForCrossDomainIdentityManagementBadResponse" });
    expect(renderProvisioningEntry(success, "beta").statusInfo).toEqual({ status: "success" });
    // Rendering hands out copies: changing one does not change the store.
    v1.servicePrincipal.displayName = "changed";
    v1.provisioningSteps[0].description = "changed";
    expect(renderProvisioningEntry(failure, "v1.0").servicePrincipal.displayName).toBe("AWS");
    expect(renderProvisioningEntry(failure, "v1.0").provisioningSteps[0].description).not.toBe("changed");
  });
});

describe("log $filter", () => {
  const schema = PROVISIONING_FILTER_SCHEMA["v1.0"];
  it("and/or/parentheses; the and-chain's eq terms are the index hints", () => {
    const f = compileFilter("(contains(changeId,'abc') and (jobId eq 'job.1')) and servicePrincipal/id eq 'sp'", schema);
    expect([...f.required]).toEqual([
      ["jobid", "job.1"],
      ["serviceprincipal/id", "sp"],
    ]);
    expect(compileFilter("jobId eq 'a' or jobId eq 'b'", schema).required.size).toBe(0);
  });

  it("syntax errors are BadRequest 'Invalid filter clause'; undocumented properties and operators Request_UnsupportedQuery", () => {
    const error = (text: string) => {
      try {
        compileFilter(text, schema);
      } catch (e) {
        return e as { code: string; message: string; status: number };
      }
      throw new Error(`accepted: ${text}`);
    };
    expect(error("jobId eq")).toMatchObject({ status: 400, code: "BadRequest" });
    expect(error("jobId eq 'a").message).toMatch(/^Invalid filter clause: /);
    expect(error("jobId eq 'a' and")).toMatchObject({ code: "BadRequest" });
    expect(error("durationInMilliseconds eq 'x'")).toMatchObject({ code: "BadRequest" });
    expect(error("category eq 'x'")).toMatchObject({ code: "Request_UnsupportedQuery" });
    expect(error("jobId ne 'x'")).toMatchObject({ code: "Request_UnsupportedQuery" });
    expect(error("startswith(jobId,'x')")).toMatchObject({ code: "Request_UnsupportedQuery" });
    expect(error("contains(servicePrincipal/id,'x')")).toMatchObject({ code: "Request_UnsupportedQuery" });
    expect(error("activityDateTime ge 2026-01-01")).toMatchObject({ code: "Request_UnsupportedQuery" });
    expect(error("not (jobId eq 'x')")).toMatchObject({ code: "Request_UnsupportedQuery" });
    expect(error("action eq 'Create'")).toMatchObject({ code: "Request_UnsupportedQuery" }); // beta only
    expect(() => compileFilter("action eq 'Create' and statusInfo/status eq 'success'", PROVISIONING_FILTER_SCHEMA.beta)).not.toThrow();
  });
});

describe("AuditLog", () => {
  const audit = (n: number, at = T0 + n * 1000): DirectoryAuditEvent => ({
    activityDateTime: at,
    activityDisplayName: "Enable/start provisioning configuration",
    category: "ProvisioningManagement",
    correlationId: logId("c", n),
    loggedByService: "Account Provisioning",
    operationType: "Update",
    result: "success",
    resultReason: "",
    initiatedBy: { user: { id: "u", displayName: "U", userPrincipalName: "u@x", ipAddress: "" }, app: null },
    targetResources: [{ id: SP.id, displayName: SP.displayName, type: "ServicePrincipal" }],
  });

  it("keeps newest first, once per id, within 30 days and maxEntries; records are frozen copies", () => {
    const log = new AuditLog({ maxEntries: 5, retentionMs: LOG_RETENTION_MS });
    const input = audit(1);
    const stored = log.add(input)!;
    expect(stored.id).toBe(auditId("Sync", logId("c", 1), T0 + 1000, "Enable/start provisioning configuration"));
    expect(stored.id).toMatch(/^Sync_[0-9a-f-]{36}_[A-Z0-9]{5}_\d{8}$/);
    expect(log.add(input)).toBeNull();
    input.targetResources[0].displayName = "changed";
    expect(log.list(T0)[0].targetResources[0].displayName).toBe("AWS");
    expect(Object.isFrozen(log.list(T0)[0].targetResources[0])).toBe(true);
    for (let n = 2; n < 10; n++) log.add(audit(n));
    expect(log.list(T0).map((a) => a.correlationId)).toEqual([9, 8, 7, 6, 5].map((n) => logId("c", n)));
    expect(log.list(T0 + 5000 + LOG_RETENTION_MS + 1).map((a) => a.correlationId)).toEqual([9, 8, 7, 6].map((n) => logId("c", n)));
  });
});
