import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startScimTarget, type ScimTarget } from "@/lib/scim-target/server";
import { objectMapping, groupSource, type ObjectMapping, type SourceObject } from "../../engine/mapping";
import type { DirectoryGroup } from "../../directory/types";
import { defaultSchema } from "../../seed/schemas";
import { TargetDirectory } from "../../targets/target-directory";
import { ScimClient } from "./client";
import { scimEndpoint } from "./endpoint";
import { syncScimObject, type ScimSyncContext } from "./sync";

/** The connector's requests, one object at a time, against the built-in SCIM server: create, update, disable, group members added and removed. */

let target: ScimTarget;
beforeAll(async () => {
  target = await startScimTarget({ port: 0 });
});
afterAll(() => target.close());
beforeEach(() => target.reset());

const schema = defaultSchema("scim", { source: "Azure Active Directory", target: "customappsso", groups: true });
const IN = { inScope: true, details: {} };
const OUT = { inScope: false, details: {} };

function person(id: string, name: string, extra: Record<string, string> = {}): SourceObject {
  const attributes: Record<string, string> = { userprincipalname: `${name}@contoso.example`, displayname: name, mail: `${name}@contoso.example`, mailnickname: name, accountenabled: "true", ...extra };
  return { id, displayName: name, label: `${name}@contoso.example`, kind: "User", attribute: (key) => attributes[key.toLowerCase()] ?? null };
}

function context(store: TargetDirectory, kind: "user" | "group"): ScimSyncContext {
  const endpoint = scimEndpoint("scim", [
    { key: "BaseAddress", value: target.url },
    { key: "SecretToken", value: target.token },
  ])!;
  const mapping = objectMapping(schema, kind) as ObjectMapping;
  return { at: Date.now(), cycleId: "c", jobId: "scim.job", servicePrincipal: { id: "sp", displayName: "HR" }, target: store, mapping, client: new ScimClient(endpoint), base: endpoint.base };
}
const get = async (path: string) => (await fetch(`${target.url}${path}`, { headers: { Authorization: `Bearer ${target.token}` } })).json();

describe("syncScimObject", () => {
  it("creates, updates only what changed, and disables a user", async () => {
    const store = new TargetDirectory("t");
    const ctx = context(store, "user");
    const created = await syncScimObject(ctx, person("u1", "ada", { department: "IT" }), IN);
    expect(created.outcome).toMatchObject({ action: "create", status: "success" });
    const id = store.bySource("u1")!.id;
    expect(await get(`/Users/${id}`)).toMatchObject({ userName: "ada@contoso.example", active: true, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { department: "IT" } });

    target.clearRequests();
    const updated = await syncScimObject(ctx, person("u1", "ada", { department: "Sales" }), IN);
    expect(updated.outcome).toMatchObject({ action: "update", status: "success" });
    expect(target.requests().map((r) => [r.method, r.body])).toEqual([
      ["PATCH", { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", value: "Sales" }] }],
    ]); // no query: the data store holds its id

    const unchanged = await syncScimObject(ctx, person("u1", "ada", { department: "Sales" }), IN);
    expect(unchanged.outcome).toMatchObject({ action: "other", status: "skipped", skipReason: "RedundantExport" });

    const disabled = await syncScimObject(ctx, person("u1", "ada", { department: "Sales" }), OUT);
    expect(disabled.outcome).toMatchObject({ action: "disable", status: "success" });
    expect((await get(`/Users/${id}`)).active).toBe(false);
  });

  it("deletes a user who left the scope when the mappings do not soft-delete (no IsSoftDeleted); one already gone counts as deleted", async () => {
    const store = new TargetDirectory("t");
    const soft = context(store, "user");
    const ctx = { ...soft, mapping: { ...soft.mapping, attributes: soft.mapping.attributes.filter((entry) => entry.targetAttributeName !== "active") } };
    await syncScimObject(ctx, person("u1", "ada"), IN);
    const id = store.bySource("u1")!.id;
    const deleted = await syncScimObject(ctx, person("u1", "ada"), OUT);
    expect(deleted.outcome).toMatchObject({ action: "delete", status: "success" });
    expect(deleted.outcome?.steps.at(-1)).toMatchObject({ name: "EntryExportDelete", details: { Request: expect.stringMatching(/^DELETE .*\/Users\//), ResponseStatusCode: "204 NoContent" } });
    expect((await fetch(`${target.url}/Users/${id}`, { headers: { Authorization: `Bearer ${target.token}` } })).status).toBe(404);
    expect(store.all()).toEqual([]);

    await syncScimObject(ctx, person("u2", "bob"), IN);
    target.reset(); // the endpoint lost it meanwhile
    expect((await syncScimObject(ctx, person("u2", "bob"), OUT)).outcome).toMatchObject({ action: "delete", status: "success" });
    expect(store.all()).toEqual([]);
  });

  it("creates a group with no members, adds them by PATCH, and removes one that left", async () => {
    const store = new TargetDirectory("t");
    for (const [id, name] of [["u1", "ada"], ["u2", "bob"]]) await syncScimObject(context(store, "user"), person(id, name), IN);
    const group = { id: "g1", displayName: "Engineering", mailNickname: "eng" } as DirectoryGroup;
    const ctx = context(store, "group");
    target.clearRequests();
    const created = await syncScimObject(ctx, groupSource(group, ["u1", "u2"], store), IN);
    expect(created.outcome).toMatchObject({ action: "create", status: "success" });
    expect(created.outcome?.steps.filter((s) => s.type === "export").map((s) => s.details?.Request.split(" ")[0])).toEqual(["POST", "PATCH"]);
    expect(target.requests().map((r) => `${r.method} ${r.path.split("?")[0].replace(/[0-9a-f-]{36}/, "{id}")}`)).toEqual(["GET /scim/v2/Groups", "POST /scim/v2/Groups", "PATCH /scim/v2/Groups/{id}"]);
    expect((target.requests()[1].body as { members: unknown[] }).members).toEqual([]);
    const id = store.bySource("g1")!.id;
    const members = async () => ((await get(`/Groups/${id}`)).members as { value: string }[]).map((m) => m.value).sort();
    expect(await members()).toEqual([store.bySource("u1")!.id, store.bySource("u2")!.id].sort());

    const removed = await syncScimObject(ctx, groupSource(group, ["u2"], store), IN);
    expect(removed.outcome).toMatchObject({ action: "update", status: "success" });
    expect(await members()).toEqual([store.bySource("u2")!.id]);
  });

  it("a create the endpoint refuses (409 uniqueness) fails the object with Conflict and the SCIM error, and keeps nothing", async () => {
    const store = new TargetDirectory("t");
    await syncScimObject(context(store, "user"), person("u1", "ada"), IN);
    // Another person whose mapped userName is the same, but whose query the store cannot answer: a fresh store.
    const other = new TargetDirectory("t2");
    const ctx = context(other, "user");
    const refused = await syncScimObject({ ...ctx, mapping: { ...ctx.mapping, matching: { ...ctx.mapping.matching!, targetAttributeName: "externalId" } } }, person("u9", "ada", { mailnickname: "ada-2" }), IN);
    expect(refused.outcome?.status).toBe("failure");
    expect(refused.outcome?.error).toMatchObject({ errorCode: "Conflict", errorCategory: "nonServiceFailure" });
    expect(refused.outcome?.error?.reason).toMatch(/^StatusCode: Conflict\r\nMessage: Processing of the HTTP request resulted in an exception\./);
    expect(refused.outcome?.steps.at(-1)).toMatchObject({ status: "failure", details: { ScimType: "uniqueness", ResponseStatusCode: "409 Conflict" } });
    expect(other.all()).toEqual([]);
    expect(refused.refused).toBeNull();
  });
});
