import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type CallResult, type TestEmulator } from "@/test/support/emulator";
import { PERSONAS } from "../auth/personas";
import { recordEngineAudit } from "../logs/record";
import { sampleProvisioningEvent } from "../logs/sample";
import { logId } from "../logs/types";
import { JOB, SP } from "../seed/ids";

/** Provisioning logs and directory audits over HTTP, against the docs pages, examples and CSDL in test/fixtures/graph-docs. */
const DOCS = resolve(dirname(fileURLToPath(import.meta.url)), "../../../test/fixtures/graph-docs");

/** A docs example response body (the examples have trailing commas; only property names are compared). */
function example(version: "v1.0" | "beta", name: string): any {
  const text = readFileSync(resolve(DOCS, "docs/examples", version, `${name}__response.http`), "utf8");
  return JSON.parse(text.slice(text.indexOf("{")).replace(/,(\s*[\]}])/g, "$1"));
}

/** The property names of an EntityType in a CSDL excerpt, with the key `id` (from graph.entity). */
function csdlProperties(file: string, type: string): string[] {
  const text = readFileSync(resolve(DOCS, "metadata", file), "utf8");
  const block = new RegExp(`<EntityType Name="${type}"[^>]*>([\\s\\S]*?)</EntityType>`).exec(text)![1];
  return ["id", ...[...block.matchAll(/<Property Name="(\w+)"/g)].map((m) => m[1])].sort();
}

const keys = (value: object) => Object.keys(value).sort();
const union = (...objects: object[]) => [...new Set(objects.flatMap((o) => Object.keys(o)))].sort();
const q = (filter: string) => `$filter=${encodeURIComponent(filter)}`;

let emu: TestEmulator;
let now: number;
const AWS = { id: SP.aws, displayName: "AWS" };
const SLACK = { id: SP.slack, displayName: "Slack" };
const COUNT = 30;
const SERVICE_APP = logId("test-service-app");

beforeAll(async () => {
  emu = await startTestEmulator();
  now = emu.instance.state.clock.now();
  const log = emu.instance.state.tenant.provisioningLog;
  log.clear(); // only this file's entries (the engine logs the seed jobs' cycles)
  // n even: AWS job, n odd: Slack job; one second apart, n = 0 newest.
  for (let n = 0; n < COUNT; n++) {
    const odd = n % 2 === 1;
    log.add(sampleProvisioningEvent(n, { at: now - n * 1000, jobId: odd ? JOB.slackActive : JOB.awsActive, servicePrincipal: odd ? SLACK : AWS }));
  }
});
afterAll(async () => {
  await emu.close();
});

async function listAll(path: string, token?: string): Promise<any[]> {
  const res = await emu.call("GET", path, token ? { token } : {});
  expect(res.status, res.text).toBe(200);
  return res.body.value;
}

describe("GET /auditLogs/provisioning", () => {
  it("sends the v1.0 and beta property sets of the docs examples and the CSDL", async () => {
    const [v1] = await listAll("/v1.0/auditLogs/provisioning?$top=1&" + q("provisioningStatusInfo/status eq 'failure'"));
    const [beta] = await listAll("/beta/auditLogs/provisioning?$top=1&" + q("provisioningStatusInfo/status eq 'failure'"));
    const [betaOk] = await listAll("/beta/auditLogs/provisioning?$top=1&" + q("provisioningStatusInfo/status eq 'success'"));
    const [v1ex1, v1ex2] = ["list_provisioningobjectsummary", "list_provisioningobjectsummary_error"].map((name) => example("v1.0", `provisioningobjectsummary-list__${name}`).value[0]);
    const [betaEx1, betaEx2] = ["list_provisioningobjectsummary", "list_provisioningobjectsummary_error"].map((name) => example("beta", `provisioningobjectsummary-list__${name}`).value[0]);

    expect(keys(v1)).toEqual(union(v1ex1, v1ex2));
    expect(keys(v1)).toEqual(csdlProperties("msgraph-metadata_v1.0-Prod_logs-excerpt.csdl.xml", "provisioningObjectSummary"));
    expect(keys(beta)).toEqual(union(betaEx1, betaEx2));
    expect(keys(beta)).toEqual(csdlProperties("msgraph-metadata_beta-Prod_provisioningObjectSummary-excerpt.csdl.xml", "provisioningObjectSummary"));

    expect(keys(v1.provisioningStatusInfo)).toEqual(keys(v1ex2.provisioningStatusInfo));
    expect(keys(v1.provisioningStatusInfo.errorInformation)).toEqual(keys(v1ex2.provisioningStatusInfo.errorInformation));
    expect(keys(v1.provisioningSteps[0])).toEqual(keys(v1ex2.provisioningSteps[0]));
    expect(keys(v1.modifiedProperties[0])).toEqual(keys(v1ex2.modifiedProperties[0]));
    expect(keys(v1.initiatedBy)).toEqual(keys(v1ex2.initiatedBy)); // example 1 spells it initiatingType: a docs typo
    expect(v1.initiatedBy).toEqual(v1ex2.initiatedBy);
    for (const p of ["servicePrincipal", "sourceSystem", "targetSystem", "sourceIdentity", "targetIdentity"]) expect(keys(v1[p]), p).toEqual(keys(v1ex2[p]));
    expect(keys(v1.targetSystem.details)).toEqual(keys(v1ex2.targetSystem.details));
    expect(v1.provisioningSteps.map((s: any) => s.provisioningStepType)).toEqual(["import", "scoping", "matching", "export"]);
    expect(v1.activityDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);

    expect(keys(beta.statusInfo)).toEqual(keys(betaEx2.statusInfo));
    expect(beta.statusInfo["@odata.type"]).toBe("#microsoft.graph.statusDetails");
    expect(betaOk.statusInfo).toEqual(betaEx1.statusInfo);
    expect(beta.action).toMatch(/^[A-Z]/);
    expect(betaOk.provisioningStatusInfo.errorInformation).toBeNull();
  });

  it("answers the collection envelope, newest first; $orderby=activityDateTime asc|desc", async () => {
    const res = await emu.call("GET", "/v1.0/auditLogs/provisioning");
    expect(res.body["@odata.context"]).toBe(`${emu.url}/v1.0/$metadata#auditLogs/provisioning`);
    const times = res.body.value.map((e: any) => Date.parse(e.activityDateTime));
    expect(times).toHaveLength(COUNT);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const asc = await listAll("/v1.0/auditLogs/provisioning?$orderby=activityDateTime%20asc");
    expect(asc.map((e) => e.id)).toEqual(res.body.value.map((e: any) => e.id).reverse());
    expect((await listAll("/v1.0/auditLogs/provisioning?$orderby=activityDateTime%20desc")).map((e) => e.id)).toEqual(res.body.value.map((e: any) => e.id));
    const bad = await emu.call("GET", "/v1.0/auditLogs/provisioning?$orderby=jobId");
    expect(bad.status).toBe(400);
  });

  it("supports every documented $filter form (v1.0 and beta), case sensitive except status", async () => {
    const all = await listAll("/beta/auditLogs/provisioning");
    const sample = all[3]; // a failure (n = 3): Slack job
    const t = (e: any) => Date.parse(e.activityDateTime);
    const forms: [string, string, (e: any) => boolean][] = [
      ["v1.0", `id eq '${sample.id}'`, (e) => e.id === sample.id],
      ["v1.0", `contains(id,'${sample.id.slice(4, 12)}')`, (e) => e.id.includes(sample.id.slice(4, 12))],
      ["v1.0", `tenantid eq '${sample.tenantId}'`, () => true],
      ["v1.0", `contains(tenantid,'${sample.tenantId.slice(0, 6)}')`, () => true],
      ["v1.0", `jobid eq '${JOB.awsActive}'`, (e) => e.jobId === JOB.awsActive],
      ["v1.0", `contains(jobId,'Slack.')`, (e) => e.jobId.includes("Slack.")],
      ["v1.0", `changeid eq '${sample.changeId}'`, (e) => e.changeId === sample.changeId],
      ["v1.0", `contains(changeid,'${sample.changeId.slice(0, 8)}')`, (e) => e.changeId.includes(sample.changeId.slice(0, 8))],
      ["v1.0", `cycleid eq '${sample.cycleId}'`, (e) => e.cycleId === sample.cycleId],
      ["v1.0", `contains(cycleId,'${sample.cycleId.slice(0, 8)}')`, (e) => e.cycleId.includes(sample.cycleId.slice(0, 8))],
      ["v1.0", "provisioningAction eq 'create'", (e) => e.provisioningAction === "create"],
      ["v1.0", "contains(provisioningAction,'Delete')", (e) => e.provisioningAction.includes("Delete")],
      ["v1.0", `activityDateTime eq ${sample.activityDateTime}`, (e) => e.id === sample.id],
      ["v1.0", `activityDateTime gt ${sample.activityDateTime}`, (e) => t(e) > t(sample)],
      ["v1.0", `activityDateTime lt ${sample.activityDateTime}`, (e) => t(e) < t(sample)],
      ["beta", `activityDateTime gt ${sample.activityDateTime}`, (e) => t(e) > t(sample)],
      ["v1.0", `durationInMilliseconds eq ${sample.durationInMilliseconds}`, (e) => e.durationInMilliseconds === sample.durationInMilliseconds],
      ["v1.0", "durationInMilliseconds gt 510", (e) => e.durationInMilliseconds > 510],
      ["v1.0", "durationInMilliseconds lt 510", (e) => e.durationInMilliseconds < 510],
      ["v1.0", "provisioningStatusInfo/status eq 'failure'", (e) => e.provisioningStatusInfo.status === "failure"],
      ["v1.0", "provisioningStatusInfo/status eq 'Failure'", (e) => e.provisioningStatusInfo.status === "failure"],
      ["v1.0", "contains(provisioningStatusInfo/status,'SKIP')", (e) => e.provisioningStatusInfo.status === "skipped"],
      ["v1.0", "sourceSystem/displayName eq 'Azure Active Directory'", () => true],
      ["v1.0", "contains(sourceSystem/displayName,'azure')", () => false],
      ["v1.0", "targetSystem/displayName eq 'Slack'", (e) => e.targetSystem.displayName === "Slack"],
      ["v1.0", "contains(targetSystem/displayName,'WS')", (e) => e.targetSystem.displayName === "AWS"],
      ["v1.0", "sourceIdentity/identityType eq 'User'", () => true],
      ["v1.0", "contains(sourceIdentity/identityType,'user')", () => false],
      ["v1.0", "targetIdentity/identityType eq 'urn:ietf:params:scim:schemas:core:2.0:User'", () => true],
      ["v1.0", "contains(targetIdentity/identityType,'scim')", () => true],
      ["v1.0", `sourceIdentity/id eq '${sample.sourceIdentity.id}'`, (e) => e.id === sample.id],
      ["v1.0", `contains(sourceIdentity/id,'${sample.sourceIdentity.id.slice(0, 8)}')`, (e) => e.sourceIdentity.id.includes(sample.sourceIdentity.id.slice(0, 8))],
      ["v1.0", "targetIdentity/id eq ''", (e) => e.targetIdentity.id === ""],
      ["v1.0", `contains(targetIdentity/id,'-')`, (e) => e.targetIdentity.id.includes("-")],
      ["v1.0", "sourceIdentity/displayName eq 'User 1'", (e) => e.sourceIdentity.displayName === "User 1"],
      ["v1.0", "contains(sourceIdentity/displayName,'User 1')", (e) => e.sourceIdentity.displayName.includes("User 1")],
      ["v1.0", "contains(sourceIdentity/displayName,'user 1')", () => false],
      ["v1.0", "targetIdentity/displayName eq 'user2@contoso.example'", (e) => e.targetIdentity.displayName === "user2@contoso.example"],
      ["v1.0", "contains(targetIdentity/displayName,'@contoso')", (e) => e.targetIdentity.displayName.includes("@contoso")],
      ["v1.0", `servicePrincipal/id eq '${SP.slack}'`, (e) => e.servicePrincipal.id === SP.slack],
      ["v1.0", `servicePrincipal/id eq '${SP.slack.toUpperCase()}'`, () => false],
      ["v1.0", "servicePrincipal/displayName eq 'AWS'", (e) => e.servicePrincipal.displayName === "AWS"],
      ["v1.0", "servicePrincipal/displayName eq 'aws'", () => false],
      ["beta", "servicePrincipal/name eq 'AWS'", (e) => e.servicePrincipal.displayName === "AWS"],
      ["v1.0", "initiatedBy/displayName eq 'Azure AD Provisioning Service'", () => true],
      ["v1.0", "contains(initiatedBy/displayName,'Provisioning')", () => true],
      ["beta", "action eq 'Create'", (e) => e.action === "Create"],
      ["beta", "action eq 'create'", () => false],
      ["beta", "contains(action,'Delete')", (e) => e.action.includes("Delete")],
      ["beta", "statusInfo/status eq 'FAILURE'", (e) => e.provisioningStatusInfo.status === "failure"],
      ["beta", "contains(statusInfo/status,'warn')", (e) => e.provisioningStatusInfo.status === "warning"],
      // The form of microsoftgraph/microsoft-graph-explorer-v4#3165, and or.
      ["v1.0", `(contains(changeId,'${sample.changeId.slice(-8)}') and (jobId eq '${JOB.slackActive}'))`, (e) => e.id === sample.id],
      ["v1.0", "provisioningAction eq 'create' or provisioningAction eq 'delete'", (e) => ["create", "delete"].includes(e.provisioningAction)],
    ];
    for (const [version, filter, expected] of forms) {
      const got = await listAll(`/${version}/auditLogs/provisioning?${q(filter)}`);
      const want = all.filter(expected).map((e) => e.id);
      expect(got.map((e) => e.id), `${version} ${filter}`).toEqual(want);
    }
    // Sanity: the forms select something and not everything where that is meant.
    expect(all.filter((e) => e.provisioningStatusInfo.status === "failure").length).toBeGreaterThan(0);
    expect(all.filter((e) => e.provisioningStatusInfo.status === "failure").length).toBeLessThan(COUNT);
  });

  it("refuses undocumented properties and operators (Request_UnsupportedQuery) and bad syntax (BadRequest)", async () => {
    const refused: [string, string, string][] = [
      ["v1.0", "startswith(jobId,'aws')", "Request_UnsupportedQuery"],
      ["v1.0", "jobId ne 'x'", "Request_UnsupportedQuery"],
      ["v1.0", "jobId in ('x')", "Request_UnsupportedQuery"],
      ["v1.0", "contains(servicePrincipal/id,'3c')", "Request_UnsupportedQuery"],
      ["v1.0", "activityDateTime ge 2026-01-01T00:00:00Z", "Request_UnsupportedQuery"],
      ["v1.0", "durationInMilliseconds le 5", "Request_UnsupportedQuery"],
      ["v1.0", "modifiedProperties/any(p: p/displayName eq 'x')", "Request_UnsupportedQuery"],
      ["v1.0", "servicePrincipal/name eq 'AWS'", "Request_UnsupportedQuery"],
      ["v1.0", "action eq 'Create'", "Request_UnsupportedQuery"],
      ["v1.0", "statusInfo/status eq 'success'", "Request_UnsupportedQuery"],
      ["v1.0", "targetSystem/id eq 'x'", "Request_UnsupportedQuery"],
      ["v1.0", "not (jobId eq 'x')", "Request_UnsupportedQuery"],
      ["v1.0", "endswith(jobId,'x')", "Request_UnsupportedQuery"],
      ["v1.0", "jobId eq", "BadRequest"],
      ["v1.0", "jobId eq 'x", "BadRequest"],
      ["v1.0", "durationInMilliseconds gt 'x'", "BadRequest"],
      ["v1.0", "activityDateTime gt 'yesterday'", "BadRequest"],
      ["v1.0", "(jobId eq 'x'", "BadRequest"],
    ];
    for (const [version, filter, code] of refused) {
      const res = await emu.call("GET", `/${version}/auditLogs/provisioning?${q(filter)}`);
      expect(res.status, filter).toBe(400);
      expect(res.body.error.code, filter).toBe(code);
      expect(keys(res.body.error)).toEqual(["code", "innerError", "message"]);
    }
  });

  it("pages with nextLink only when $top is given, each entry once, the query kept", async () => {
    const seen: string[] = [];
    let url: string | undefined = `/v1.0/auditLogs/provisioning?$top=7&${q("provisioningAction eq 'update' or provisioningAction eq 'create'")}`;
    let pages = 0;
    while (url) {
      const res: CallResult = await emu.call("GET", url.replace(emu.url, ""));
      expect(res.status, res.text).toBe(200);
      seen.push(...res.body.value.map((e: any) => e.id));
      url = res.body["@odata.nextLink"];
      if (url) expect(url).toContain(`$filter=${encodeURIComponent("provisioningAction eq 'update' or provisioningAction eq 'create'")}`);
      pages++;
    }
    const expected = (await listAll(`/v1.0/auditLogs/provisioning?${q("provisioningAction eq 'update' or provisioningAction eq 'create'")}`)).map((e) => e.id);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 7));

    // Without $top: one page (1000), no nextLink — "You must pass the top filter in the query to generate the token".
    const log = emu.instance.state.tenant.provisioningLog;
    for (let n = 0; n < 1005; n++) log.add(sampleProvisioningEvent(n, { at: now - 100_000 - n, jobId: "bulk.job", servicePrincipal: AWS }));
    const noTop = await emu.call("GET", `/v1.0/auditLogs/provisioning?${q("jobId eq 'bulk.job'")}`);
    expect(noTop.body.value).toHaveLength(1000);
    expect(noTop.body["@odata.nextLink"]).toBeUndefined();
    const withTop = await emu.call("GET", `/v1.0/auditLogs/provisioning?$top=1000&${q("jobId eq 'bulk.job'")}`);
    expect(withTop.body["@odata.nextLink"]).toMatch(/\$skiptoken=/);
    const rest = await emu.call("GET", withTop.body["@odata.nextLink"].replace(emu.url, ""));
    expect(rest.body.value).toHaveLength(5);
    expect(rest.body["@odata.nextLink"]).toBeUndefined();

    // A token is bound to its query; $top out of range; options the page does not list.
    const token = new URL(withTop.body["@odata.nextLink"]).searchParams.get("$skiptoken")!;
    for (const bad of [`$top=1000&$skiptoken=${token}`, "$skiptoken=nonsense", "$top=0", "$top=1001", "$top=x", "$skip=5", "$select=id", "$count=true", "$expand=x", "$search=%22x%22", "$foo=1"]) {
      const res = await emu.call("GET", `/v1.0/auditLogs/provisioning?${bad}`);
      expect(res.status, bad).toBe(400);
    }
    expect((await emu.call("GET", "/v1.0/auditLogs/provisioning?$select=id")).body.error.message).toBe(
      "The query specified in the URI is not valid. Query option 'Select' is not allowed. To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings.",
    );
  });

  it("GET /auditLogs/provisioning/{id}: the entry, or 404", async () => {
    const [first] = await listAll("/beta/auditLogs/provisioning?$top=1");
    const res = await emu.call("GET", `/beta/auditLogs/provisioning/${first.id}`);
    expect(res.status).toBe(200);
    expect(res.body["@odata.context"]).toBe(`${emu.url}/beta/$metadata#auditLogs/provisioning/$entity`);
    expect({ ...res.body, "@odata.context": undefined }).toEqual({ ...first, "@odata.context": undefined });
    const missing = await emu.call("GET", `/v1.0/auditLogs/provisioning/${logId("missing")}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("Request_ResourceNotFound");
    expect((await emu.call("DELETE", `/v1.0/auditLogs/provisioning/${first.id}`)).status).toBe(405);
    expect((await emu.call("POST", "/v1.0/auditLogs/provisioning", { body: {} })).status).toBe(405);
    expect((await emu.call("GET", "/v1.0/auditLogs/signIns")).status).toBe(400);
  });
});

describe("permissions on /auditLogs", () => {
  it("needs AuditLog.Read.All (403 Authentication_MSGraphPermissionMissing) and Directory.Read.All (beta Get directoryAudit: AuditLog.Read.All only)", async () => {
    const noAudit = await emu.token("admin", { scopes: ["Application.Read.All", "Synchronization.ReadWrite.All"] });
    const noDirectory = await emu.token("admin", { scopes: ["AuditLog.Read.All"] });
    for (const path of ["/v1.0/auditLogs/provisioning", "/beta/auditLogs/provisioning", "/v1.0/auditLogs/directoryAudits", "/beta/auditLogs/directoryAudits/x"]) {
      const res = await emu.call("GET", path, { token: noAudit });
      expect(res.status, path).toBe(403);
      expect(res.body.error).toMatchObject({ code: "Authentication_MSGraphPermissionMissing", message: "Calling principal does not have required MSGraph permissions AuditLog.Read.All" });
    }
    for (const path of ["/v1.0/auditLogs/provisioning", "/beta/auditLogs/directoryAudits", "/v1.0/auditLogs/directoryAudits/x"]) {
      const res = await emu.call("GET", path, { token: noDirectory });
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe("Authentication_ApplicationHasNoDirectoryReadAccess");
    }
    expect((await emu.call("GET", "/beta/auditLogs/directoryAudits/x", { token: noDirectory })).status).toBe(404);
    const withReadWrite = await emu.token("admin", { scopes: ["AuditLog.Read.All", "Directory.ReadWrite.All"] });
    expect((await emu.call("GET", "/v1.0/auditLogs/provisioning?$top=1", { token: withReadWrite })).status).toBe(200);
    expect((await emu.call("GET", "/v1.0/auditLogs/provisioning?$top=1", { token: await emu.token("nosync") })).status).toBe(403);
    expect((await emu.call("GET", "/v1.0/auditLogs/provisioning?$top=1", { token: await emu.token("reader") })).status).toBe(200);
    expect((await emu.call("GET", "/v1.0/auditLogs/provisioning", { token: null })).status).toBe(401);
  });
});

describe("GET /auditLogs/directoryAudits: audits of synchronization writes", () => {
  const target = (id: string) => q(`targetResources/any(t: t/id eq '${id}')`);

  it("records each write with the caller's identity, none for reads, tests and failed writes", async () => {
    const zoom = `/beta/servicePrincipals/${SP.zoom}/synchronization`;
    expect((await emu.call("GET", `/v1.0/auditLogs/directoryAudits?${target(SP.zoom)}`)).body.value).toEqual([]);
    const created = await emu.call("POST", `${zoom}/jobs`, { body: { templateId: "zoom" } });
    expect(created.status).toBe(201);
    const job = `${zoom}/jobs/${encodeURIComponent(created.body.id)}`;
    const writes: [string, string, unknown][] = [
      ["PUT", `${zoom}/secrets`, { value: [{ key: "BaseAddress", value: "https://api.zoom.us/scim" }, { key: "SecretToken", value: "s3cr3t-value" }] }],
      ["PUT", `${job}/schema`, { directories: [], synchronizationRules: [] }],
      ["DELETE", `${job}/schema`, undefined],
      ["POST", `${job}/start`, undefined],
      ["POST", `${job}/pause`, undefined],
      ["POST", `${job}/restart`, { criteria: { resetScope: "Full" } }],
    ];
    for (const [method, path, body] of writes) expect((await emu.call(method, path, body === undefined ? {} : { body })).status, `${method} ${path}`).toBe(204);
    // Not audited: reads, validateCredentials, a refused write.
    await emu.call("GET", `${zoom}/jobs`);
    await emu.call("GET", `${job}/schema`);
    await emu.call("POST", `${job}/validateCredentials`, { body: { useSavedCredentials: true } });
    expect((await emu.call("POST", `${zoom}/jobs`, { body: { templateId: "nope" } })).status).toBe(400);
    expect((await emu.call("DELETE", job)).status).toBe(204);

    const audits = await listAll(`/v1.0/auditLogs/directoryAudits?${target(SP.zoom)}`);
    expect(audits.map((a) => a.activityDisplayName)).toEqual([
      "Delete provisioning configuration",
      "Enable/restart provisioning configuration",
      "Disable/pause provisioning configuration",
      "Enable/start provisioning configuration",
      "Update attribute mappings or scope",
      "Update attribute mappings or scope",
      "Update provisioning setting or credentials",
      "Add provisioning configuration",
    ]);
    const admin = PERSONAS.admin;
    for (const audit of audits) {
      expect(audit).toMatchObject({
        category: "ProvisioningManagement",
        loggedByService: "Account Provisioning",
        result: "success",
        resultReason: "",
        initiatedBy: { app: null, user: { id: admin.oid, displayName: admin.name, userPrincipalName: admin.upn, ipAddress: "127.0.0.1" } },
      });
      expect(audit.targetResources).toEqual([
        expect.objectContaining({ id: SP.zoom, displayName: "Zoom", type: "ServicePrincipal", userPrincipalName: null, groupType: null }),
      ]);
      expect(audit.id).toMatch(/^Sync_/);
      expect(audit.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    }
    const byName = (name: string) => audits.find((a) => a.activityDisplayName === name)!;
    expect(byName("Add provisioning configuration")).toMatchObject({ operationType: "Add", additionalDetails: [{ key: "JobId", value: created.body.id }] });
    expect(byName("Add provisioning configuration").targetResources[0].modifiedProperties).toEqual([{ displayName: "TemplateId", oldValue: null, newValue: '"zoom"' }]);
    expect(byName("Delete provisioning configuration").operationType).toBe("Delete");
    expect(byName("Enable/restart provisioning configuration").targetResources[0].modifiedProperties).toEqual([{ displayName: "ResetScope", oldValue: null, newValue: '"Full"' }]);
    const secrets = byName("Update provisioning setting or credentials");
    expect(secrets.additionalDetails).toEqual([]);
    expect(JSON.stringify(secrets)).not.toContain("s3cr3t-value");
    expect(secrets.targetResources[0].modifiedProperties).toEqual([{ displayName: "Keys", oldValue: null, newValue: '["BaseAddress","SecretToken"]' }]);

    // The caller's identity is filterable, and the client-request-id becomes the correlationId.
    const correlation = "5f3c2b1a-0d9e-4c8b-a7f6-e5d4c3b2a1f0";
    await emu.call("POST", `/beta/servicePrincipals/${SP.aws}/synchronization/jobs/${JOB.awsActive}/pause`, { headers: { "client-request-id": correlation } });
    const mine = await listAll(`/v1.0/auditLogs/directoryAudits?$top=1&${q(`initiatedBy/user/id eq '${admin.oid}' and targetResources/any(t:t/id eq '${SP.aws}')`)}`);
    expect(mine[0]).toMatchObject({ correlationId: correlation, activityDisplayName: "Disable/pause provisioning configuration", additionalDetails: [{ key: "JobId", value: JOB.awsActive }] });
  });

  it("sends the v1.0 and beta property sets of the docs and the CSDL; GET by id", async () => {
    const [v1] = await listAll(`/v1.0/auditLogs/directoryAudits?$top=1`);
    const [beta] = await listAll(`/beta/auditLogs/directoryAudits?$top=1`);
    const v1ex = example("v1.0", "directoryaudit-list__get_directoryaudit_2").value[0];
    const betaEx = example("beta", "directoryaudit-list__get_directoryaudits");
    expect(keys(v1)).toEqual(csdlProperties("msgraph-metadata_v1.0-Prod_logs-excerpt.csdl.xml", "directoryAudit"));
    expect(keys(beta)).toEqual(csdlProperties("msgraph-metadata_beta-USNat_logs-excerpt.csdl.xml", "directoryAudit"));
    expect(keys(beta)).toEqual(keys(betaEx));
    expect(union(v1, { operationType: 1 })).toEqual(union(v1ex, { operationType: 1 })); // the v1.0 example predates operationType
    expect(keys(v1.initiatedBy)).toEqual(keys(v1ex.initiatedBy));
    expect(keys(v1.initiatedBy.user)).toEqual(keys(v1ex.initiatedBy.user));
    expect(keys(beta.initiatedBy.user)).toEqual(keys(betaEx.initiatedBy.user));
    expect(keys(beta.targetResources[0])).toEqual(keys(betaEx.targetResources[0]));
    expect(keys(v1.additionalDetails[0])).toEqual(keys(v1ex.additionalDetails[0]));

    const one = await emu.call("GET", `/v1.0/auditLogs/directoryAudits/${encodeURIComponent(v1.id)}`);
    expect(one.status).toBe(200);
    expect(one.body["@odata.context"]).toBe(`${emu.url}/v1.0/$metadata#auditLogs/directoryAudits/$entity`);
    expect({ ...one.body, "@odata.context": undefined }).toEqual({ ...v1, "@odata.context": undefined });
    expect((await emu.call("GET", "/v1.0/auditLogs/directoryAudits/Sync_nothing")).status).toBe(404);
    expect((await emu.call("GET", `/v1.0/auditLogs/directoryAudits/${encodeURIComponent(v1.id)}?$select=id`)).status).toBe(400);
  });

  it("supports every documented $filter form, case sensitive, and refuses the rest", async () => {
    const state = emu.instance.state;
    const at = now - 3_600_000;
    const quarantine = { activity: "Quarantine" as const, servicePrincipal: { id: SP.salesforce, displayName: "Salesforce" }, job: { id: JOB.salesforceQuarantined }, at, key: "test-quarantine", result: "failure" as const, resultReason: "SalesforceInvalidCredentials", app: { appId: SERVICE_APP, displayName: "Azure AD Provisioning Service", servicePrincipalId: null, servicePrincipalName: null } };
    expect(recordEngineAudit(state.tenant, state.clock.now(), quarantine)).not.toBeNull();
    expect(recordEngineAudit(state.tenant, state.clock.now(), quarantine)).toBeNull(); // the same incident once
    const all = await listAll("/v1.0/auditLogs/directoryAudits");
    const admin = PERSONAS.admin;
    const t = (a: any) => Date.parse(a.activityDateTime);
    const iso = new Date(at).toISOString();
    const forms: [string, (a: any) => boolean][] = [
      ["activityDisplayName eq 'Quarantine'", (a) => a.activityDisplayName === "Quarantine"],
      ["activityDisplayName eq 'quarantine'", () => false],
      ["startswith(activityDisplayName,'Enable/')", (a) => a.activityDisplayName.startsWith("Enable/")],
      ["startswith(activityDisplayName,'enable/')", () => false],
      [`activityDateTime eq ${iso}`, (a) => t(a) === at],
      [`activityDateTime ge ${iso}`, (a) => t(a) >= at],
      [`activityDateTime le ${iso}`, (a) => t(a) <= at],
      [`activityDateTime le ${iso.slice(0, 10)}`, (a) => t(a) <= Date.parse(iso.slice(0, 10))],
      ["loggedByService eq 'Account Provisioning'", () => true],
      ["loggedByService eq 'account provisioning'", () => false],
      [`initiatedBy/user/id eq '${admin.oid}'`, (a) => a.initiatedBy.user?.id === admin.oid],
      [`initiatedBy/user/displayName eq '${admin.name}'`, (a) => a.initiatedBy.user?.displayName === admin.name],
      [`initiatedBy/user/userPrincipalName eq '${admin.upn}'`, (a) => a.initiatedBy.user?.userPrincipalName === admin.upn],
      ["startswith(initiatedBy/user/userPrincipalName,'adele.')", (a) => a.initiatedBy.user?.userPrincipalName.startsWith("adele.")],
      ["startswith(initiatedBy/user/userPrincipalName,'Adele.')", () => false],
      [`initiatedBy/app/appId eq '${SERVICE_APP}'`, (a) => a.initiatedBy.app?.appId === SERVICE_APP],
      ["initiatedBy/app/displayName eq 'Azure AD Provisioning Service'", (a) => a.initiatedBy.app?.displayName === "Azure AD Provisioning Service"],
      [`targetResources/any(t: t/id eq '${SP.salesforce}')`, (a) => a.targetResources.some((r: any) => r.id === SP.salesforce)],
      ["targetResources/any(t:t/displayName eq 'Salesforce')", (a) => a.targetResources.some((r: any) => r.displayName === "Salesforce")],
      ["targetResources/any(x: startswith(x/displayName, 'Sales'))", (a) => a.targetResources.some((r: any) => r.displayName.startsWith("Sales"))],
      ["targetResources/any(x: startswith(x/displayName, 'sales'))", () => false],
      ["activityDisplayName eq 'Quarantine' and loggedByService eq 'Account Provisioning'", (a) => a.activityDisplayName === "Quarantine"],
    ];
    for (const [filter, expected] of forms) {
      const got = await listAll(`/v1.0/auditLogs/directoryAudits?${q(filter)}`);
      expect(got.map((a) => a.id), filter).toEqual(all.filter(expected).map((a) => a.id));
    }
    // The seeded Salesforce quarantine, audited by the engine, and the one recorded above.
    const quarantines = all.filter((a) => a.activityDisplayName === "Quarantine");
    expect(quarantines).toHaveLength(2);
    for (const audit of quarantines) expect(audit).toMatchObject({ result: "failure", resultReason: "SalesforceInvalidCredentials", initiatedBy: { user: null } });
    for (const filter of ["category eq 'ProvisioningManagement'", "contains(activityDisplayName,'x')", "activityDateTime gt 2026-01-01", "loggedByService ne 'x'", "result eq 'success'", "startswith(loggedByService,'A')", "targetResources/any(t: t/type eq 'ServicePrincipal')", "targetResources/any(t: startswith(t/id, '3'))", "initiatedBy/user/ipAddress eq ''"]) {
      const res = await emu.call("GET", `/v1.0/auditLogs/directoryAudits?${q(filter)}`);
      expect(res.status, filter).toBe(400);
      expect(res.body.error.code, filter).toBe("Request_UnsupportedQuery");
    }
    expect((await emu.call("GET", `/v1.0/auditLogs/directoryAudits?${q("targetResources/any(t: x/id eq 'a')")}`)).body.error.code).toBe("BadRequest");
  });

  it("pages with nextLink (also without $top); v1.0 has $skip and $count, beta neither", async () => {
    const all = await listAll("/v1.0/auditLogs/directoryAudits");
    expect(all.length).toBeGreaterThan(10);
    const seen: string[] = [];
    let url: string | undefined = "/v1.0/auditLogs/directoryAudits?$top=4";
    while (url) {
      const res: CallResult = await emu.call("GET", url.replace(emu.url, ""));
      seen.push(...res.body.value.map((a: any) => a.id));
      url = res.body["@odata.nextLink"];
    }
    expect(seen).toEqual(all.map((a) => a.id));
    const counted = await emu.call("GET", "/v1.0/auditLogs/directoryAudits?$top=2&$skip=3&$count=true");
    expect(counted.body["@odata.count"]).toBe(all.length);
    expect(counted.body.value.map((a: any) => a.id)).toEqual(all.slice(3, 5).map((a) => a.id));
    const next = await emu.call("GET", counted.body["@odata.nextLink"].replace(emu.url, ""));
    expect(next.body.value.map((a: any) => a.id)).toEqual(all.slice(5, 7).map((a) => a.id));
    expect((await emu.call("GET", "/beta/auditLogs/directoryAudits?$skip=1")).status).toBe(400);
    expect((await emu.call("GET", "/beta/auditLogs/directoryAudits?$count=true")).status).toBe(400);
    const asc = await listAll("/v1.0/auditLogs/directoryAudits?$orderby=activityDateTime%20asc");
    expect(asc.map((a) => a.id)).toEqual([...all].reverse().map((a) => a.id));
  });

  it("the seed's job history is in the audits (create, start, pause by the admin)", async () => {
    const box = await listAll(`/v1.0/auditLogs/directoryAudits?${target(SP.box)}`);
    expect(box.map((a) => a.activityDisplayName)).toEqual(["Disable/pause provisioning configuration", "Enable/start provisioning configuration", "Add provisioning configuration"]);
    expect(box[0].initiatedBy.user.id).toBe(PERSONAS.admin.oid);
  });
});

describe("retention and bounds at scale", () => {
  it("drops entries older than 30 days of engine time", async () => {
    const own = await startTestEmulator();
    try {
      const start = own.instance.state.clock.now();
      const log = own.instance.state.tenant.provisioningLog;
      log.clear();
      log.add(sampleProvisioningEvent(1, { at: start - 29 * 86_400_000, jobId: JOB.awsActive, servicePrincipal: AWS }));
      log.add(sampleProvisioningEvent(2, { at: start - 1000, jobId: JOB.awsActive, servicePrincipal: AWS }));
      expect((await own.call("GET", "/v1.0/auditLogs/provisioning")).body.value).toHaveLength(2);
      await own.control("POST", "clock", { advance: "P1DT1S" });
      expect((await own.call("GET", "/v1.0/auditLogs/provisioning")).body.value).toHaveLength(1);
      const seeded = (await own.call("GET", "/v1.0/auditLogs/directoryAudits")).body.value.length;
      await own.control("POST", "clock", { advance: "P30D" });
      expect((await own.call("GET", "/v1.0/auditLogs/provisioning")).body.value).toHaveLength(0);
      expect(seeded).toBeGreaterThan(0);
      expect((await own.call("GET", "/v1.0/auditLogs/directoryAudits")).body.value).toHaveLength(0);
    } finally {
      await own.close();
    }
  });

  it("holds 100,000 entries at most; a $top=100 page stays fast with the log full", async () => {
    const own = await startTestEmulator();
    try {
      const start = own.instance.state.clock.now();
      const log = own.instance.state.tenant.provisioningLog;
      log.clear();
      const total = 100_500;
      for (let n = 0; n < total; n++) {
        const odd = n % 2 === 1;
        log.add(sampleProvisioningEvent(n, { at: start - (total - n) * 10, jobId: odd ? JOB.slackActive : JOB.awsActive, servicePrincipal: odd ? SLACK : AWS }));
      }
      expect(log.stats().entries).toBe(100_000);
      const oldest = await own.call("GET", "/v1.0/auditLogs/provisioning?$top=1&$orderby=activityDateTime%20asc");
      expect(Date.parse(oldest.body.value[0].activityDateTime)).toBe(start - (total - 500) * 10);
      const times: number[] = [];
      for (const path of ["/v1.0/auditLogs/provisioning?$top=100", `/v1.0/auditLogs/provisioning?$top=100&${q(`jobId eq '${JOB.slackActive}'`)}`]) {
        for (let i = 0; i < 15; i++) {
          const began = performance.now();
          const res = await own.call("GET", path);
          times.push(performance.now() - began);
          expect(res.body.value).toHaveLength(100);
        }
      }
      times.sort((a, b) => a - b);
      expect(times[Math.floor(times.length / 2)]).toBeLessThan(50); // the bench measures ≤ 20 ms; loose here for loaded CI
    } finally {
      await own.close();
    }
  }, 60_000);
});
