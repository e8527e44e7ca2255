import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { INVALID_JSON_MESSAGE } from "../http/errors";
import { JOB, SEED_SP_IDS, SP } from "../seed/ids";
import { GRAPH_EXAMPLES_DIR } from "@/test/support/graph-docs";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";

/** Graph fidelity both ways: what Graph accepts is accepted, what it refuses is refused with its error. */
let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.control("POST", "reset");
});

const eventual = { ConsistencyLevel: "eventual" };
const sync = (sp: string) => `/beta/servicePrincipals/${sp}/synchronization`;
const jobPath = (sp: string, job: string) => `${sync(sp)}/jobs/${encodeURIComponent(job)}`;
const filter = (expression: string) => `/v1.0/servicePrincipals?$filter=${encodeURIComponent(expression)}`;

describe("bulkUpload permissions (SYNC-API §2: SynchronizationData-User.Upload[.OwnedBy], no Synchronization.*)", () => {
  const upload = (token: string) =>
    emu.call("POST", `${jobPath(SP.inboundApi, JOB.inboundApi)}/bulkUpload`, {
      token,
      headers: { "Content-Type": "application/scim+json" },
      body: {
        schemas: ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
        Operations: [{ method: "POST", bulkId: "701984", path: "/Users", data: { externalId: "701984", userName: "bjensen@example.com" } }],
      },
    });

  it("accepts a token that holds only SynchronizationData-User.Upload (or its .OwnedBy form)", async () => {
    for (const scope of ["SynchronizationData-User.Upload", "SynchronizationData-User.Upload.OwnedBy"]) {
      const result = await upload(await emu.token("admin", { scopes: [scope] }));
      expect(result.status, `${scope}: ${result.text}`).toBe(202);
      expect(result.headers.get("location")).toMatch(/\/auditLogs\/provisioning\/\?\$filter=jobid%20eq%20'API2AAD\./);
    }
  });

  it("refuses Synchronization.ReadWrite.All alone with the documented 403", async () => {
    const result = await upload(await emu.token("admin"));
    expect(result.status).toBe(403);
    expect(result.body.error).toMatchObject({ code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation." });
  });
});

describe("PUT …/jobs/{id}/schema reads the body as a synchronizationSchema", () => {
  const schema = jobPath(SP.box, JOB.boxPaused) + "/schema";

  it("refuses properties the type does not declare, at any depth, and values of the wrong JSON kind (400)", async () => {
    const own = (await emu.call("GET", schema)).body;
    const rule = own.synchronizationRules[0];
    for (const body of [
      { bogus: 1 },
      { ...own, bogus: 1 },
      { ...own, synchronizationRules: [{ ...rule, bogus: true }] },
      { ...own, synchronizationRules: [{ ...rule, objectMappings: [{ ...rule.objectMappings[0], attributeMappings: [{ source: { nope: 1 } }] }] }] },
      { ...own, directories: [{ ...own.directories[0], metadata: [] }] }, // the old directoryDefinition page's `metadata`, not in CSDL
      { synchronizationRules: "USER_TO_USER" },
      { synchronizationRules: [{ priority: "1" }] },
      { version: 2 },
      ["not", "an", "object"],
    ]) {
      const result = await emu.call("PUT", schema, { body });
      expect(result.status, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(result.body.error).toMatchObject({ code: "BadRequest", message: INVALID_JSON_MESSAGE });
    }
    expect((await emu.call("GET", schema)).body).toEqual(own);
  });

  it("accepts the job's own schema from GET (with @odata.context), as the docs' PUT example does, and the docs' example body", async () => {
    const own = (await emu.call("GET", schema)).body;
    expect((await emu.call("PUT", schema, { body: own })).status).toBe(204);
    // The docs' request body has trailing commas (SYNC-API §10.8); without them it is a valid, shortened schema.
    const example = readFileSync(resolve(GRAPH_EXAMPLES_DIR, "beta/synchronization-synchronizationschema-update__update_synchronizationschema__request.http"), "utf8");
    const body = example.replace(/\r/g, "").split("\n\n").slice(1).join("\n\n").replace(/,(\s*[}\]])/g, "$1");
    const result = await emu.call("PUT", schema, { body });
    expect(result.status, result.text).toBe(204);
    const saved = (await emu.call("GET", schema)).body;
    expect(saved.synchronizationRules[0].name).toBe("USER_TO_USER");
    expect(saved["@odata.context"]).toMatch(/\/schema\/\$entity$/);
  });
});

describe("$batch request ids are not case-sensitive (concepts/json-batching.md)", () => {
  const batch = (requests: unknown[]) => emu.call("POST", "/beta/$batch", { body: { requests } });

  it("refuses ids that differ only in case as duplicates, with Graph's message", async () => {
    const result = await batch([
      { id: "sp", method: "GET", url: "/servicePrincipals?$top=1" },
      { id: "SP", method: "GET", url: "/servicePrincipals?$top=1" },
    ]);
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({ code: "BadRequest", message: "Request Id SP has to be unique in a batch." });
  });

  it("resolves dependsOn without regard to case and answers each id as spelled", async () => {
    const jobs = `/servicePrincipals/${SP.zoom}/synchronization/jobs`;
    const result = await batch([
      { id: "List", method: "GET", url: jobs, dependsOn: ["CREATE"] },
      { id: "create", method: "POST", url: jobs, headers: { "Content-Type": "application/json" }, body: { templateId: "nope" } },
    ]);
    expect(result.status).toBe(200);
    const byId = Object.fromEntries(result.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(Object.keys(byId).sort()).toEqual(["List", "create"]);
    expect(byId.create.status).toBe(400);
    expect(byId.List.status).toBe(424);
  });
});

describe("/servicePrincipals/$count", () => {
  const count = (query: string, headers: Record<string, string> = eventual) => emu.call("GET", `/v1.0/servicePrincipals/$count${query}`, { headers });

  it("applies $filter and $search", async () => {
    expect((await count("")).text).toBe(String(SEED_SP_IDS.length));
    expect((await count(`?$filter=${encodeURIComponent("startswith(displayName,'salesforce')")}`)).text).toBe("2");
    expect((await count(`?$search=${encodeURIComponent('"displayName:zoom" OR "displayName:slack"')}`)).text).toBe("2");
    // The segment is the $count of the advanced query parameters: ne/not/endsWith need only the header.
    expect((await count(`?$filter=${encodeURIComponent("displayName ne 'Box'")}`)).text).toBe(String(SEED_SP_IDS.length - 1));
    const result = await count(`?$filter=${encodeURIComponent("tags/any(t:t eq 'WindowsAzureActiveDirectoryCustomSingleSignOnApplication')")}`);
    expect(result.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(Number(result.text)).toBeGreaterThan(0);
    expect(Number(result.text)).toBeLessThan(SEED_SP_IDS.length);
  });

  it("still needs ConsistencyLevel: eventual (400 Request_BadRequest), and refuses what the list refuses", async () => {
    const without = await count(`?$filter=${encodeURIComponent("startswith(displayName,'salesforce')")}`, {});
    expect(without.status).toBe(400);
    expect(without.body.error).toMatchObject({ code: "Request_BadRequest", message: "$count is not currently supported." });
    expect((await count(`?$filter=${encodeURIComponent("createdDateTime ge 2020-01-01")}`)).body.error.code).toBe("Request_UnsupportedQuery");
  });
});

describe("$filter on a collection-valued property needs any()", () => {
  it("answers 400 with the OData binder's message for eq/ne/in/startswith on tags or servicePrincipalNames", async () => {
    for (const [expression, message] of [
      ["tags eq 'x'", "Invalid filter clause: The operand for a binary operator 'Equal' is not a single value. Binary operators require both operands to be single values."],
      ["Tags eq 'x'", "Invalid filter clause: The operand for a binary operator 'Equal' is not a single value. Binary operators require both operands to be single values."],
      ["displayName eq 'Box' or tags ge 'x'", "Invalid filter clause: The operand for a binary operator 'GreaterThanOrEqual' is not a single value. Binary operators require both operands to be single values."],
      ["servicePrincipalNames in ('a', 'b')", "Invalid filter clause: The left operand for the IN operation is not a single value. IN operations require the left operand to be a single value and the right operand to be a collection value."],
      ["startswith(tags, 'x')", "Invalid filter clause: The argument for an invocation of a function with name 'startswith' is not a single value. All arguments for this function must be single values."],
    ]) {
      const result = await emu.call("GET", filter(expression));
      expect(result.status, expression).toBe(400);
      expect(result.body.error).toMatchObject({ code: "BadRequest", message });
    }
  });

  it("keeps any() working, including a lambda variable named like a collection", async () => {
    expect((await emu.call("GET", filter("tags/any(t:t eq 'WindowsAzureActiveDirectoryIntegratedApp')"))).status).toBe(200);
    expect((await emu.call("GET", filter("tags/any(tags:tags eq 'x')"))).status).toBe(200);
  });
});

describe("405 carries Allow", () => {
  it("lists the methods each resource answers, directly and inside $batch", async () => {
    const job = jobPath(SP.slack, JOB.slackActive).replace("/beta", "");
    for (const [method, path, allow] of [
      ["POST", "/servicePrincipals", "GET"],
      ["POST", "/servicePrincipals/$count", "GET"],
      ["DELETE", `/servicePrincipals/${SP.slack}`, "GET"],
      ["PATCH", job, "GET, DELETE"],
      ["PATCH", `${job}/schema`, "GET, PUT, DELETE"],
      ["GET", `${job}/start`, "POST"],
      ["GET", `/servicePrincipals/${SP.slack}/synchronization/jobs/validateCredentials`, "POST"],
      ["POST", `/servicePrincipals/${SP.slack}/synchronization/secrets`, "PUT, GET"],
      ["GET", "/$batch", "POST"],
    ] as const) {
      const result = await emu.call(method, `/beta${path}`, { headers: eventual });
      expect(result.status, `${method} ${path}`).toBe(405);
      expect(result.headers.get("allow"), `${method} ${path}`).toBe(allow);
      expect(result.body.error).toMatchObject({ code: "Request_BadRequest", message: "Specified HTTP method is not allowed for the request target." });
    }
    const batched = await emu.call("POST", "/beta/$batch", { body: { requests: [{ id: "1", method: "PATCH", url: job }] } });
    expect(batched.body.responses[0]).toMatchObject({ status: 405, headers: { Allow: "GET, DELETE" } });
  });
});

describe("synchronization secrets", () => {
  const secrets = `${sync(SP.zoom)}/secrets`;
  const put = (value: unknown) => emu.call("PUT", secrets, { body: { value } });

  it("PUT refuses keys that are not synchronizationSecret members (exact names), and malformed pairs", async () => {
    for (const value of [
      [{ key: "Bogus", value: "x" }],
      [{ key: "secrettoken", value: "x" }],
      [{ key: "BaseAddress", value: "https://scim.example.com/v2" }, { key: "Tenant URL", value: "x" }],
      [{ key: "SecretToken", value: 42 }],
      [{ key: "SecretToken", value: "x", extra: true }],
      [{ value: "x" }],
      "SecretToken",
    ]) {
      const result = await put(value);
      expect(result.status, JSON.stringify(value)).toBe(400);
      expect(result.body.error).toMatchObject({ code: "BadRequest", message: INVALID_JSON_MESSAGE });
    }
    expect((await emu.call("PUT", secrets, { body: { value: [], bogus: 1 } })).status).toBe(400);
    // validateCredentials reads the same type.
    const validate = await emu.call("POST", `${jobPath(SP.slack, JOB.slackActive)}/validateCredentials`, { body: { credentials: [{ key: "Token", value: "x" }] } });
    expect(validate.status).toBe(400);
  });

  it("PUT replaces the whole set; GET masks credential values and shows settings and identifiers", async () => {
    expect((await put([{ key: "UserName", value: "admin@contoso.example" }, { key: "Password", value: "p4ss" }])).status).toBe(204);
    const saved = [
      { key: "BaseAddress", value: "https://scim.example.com/v2" },
      { key: "SecretToken", value: "s3cr3t-token-value" },
      { key: "ClientIdentifier", value: "client-1" },
      { key: "ClientSecret", value: "" },
      { key: "Oauth2RefreshToken", value: "rt" },
      { key: "SyncNotificationSettings", value: '{"Enabled":false,"DeleteThresholdEnabled":false}' },
      { key: "SyncAll", value: "false" },
    ];
    expect((await put(saved)).status).toBe(204);
    const got = await emu.call("GET", secrets);
    expect(got.status).toBe(200);
    expect(got.body.value).toEqual([
      { key: "BaseAddress", value: "https://scim.example.com/v2" },
      { key: "SecretToken", value: "*****" },
      { key: "ClientIdentifier", value: "client-1" },
      { key: "ClientSecret", value: "" },
      { key: "Oauth2RefreshToken", value: "*****" },
      { key: "SyncNotificationSettings", value: '{"Enabled":false,"DeleteThresholdEnabled":false}' },
      { key: "SyncAll", value: "false" },
    ]);
    expect(got.text).not.toContain("s3cr3t");
  });
});
