import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GROUP, USER } from "../directory/ids";
import { DEFAULT_APP_ROLE_ID } from "../directory/types";
import { INVALID_JSON_MESSAGE } from "../http/errors";
import { JOB, SP } from "../seed/ids";
import { SCIM_DEMO_CREDENTIALS } from "../targets/app-profiles";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";

/** The engine provisions real people: a started job's cycles write its target app's accounts and the provisioning log. */

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ clockSpeed: 0 });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.control("POST", "reset");
});

const sp = SP.databricks;
const spPath = `/beta/servicePrincipals/${sp}`;
const advance = (iso: string) => emu.control("POST", "clock", { advance: iso });

interface Account {
  id: string;
  objectType: string;
  sourceId: string;
  attributes: Record<string, string | null>;
}

async function target(jobId: string): Promise<Account[]> {
  const result = await emu.control("GET", `target/${sp}/${encodeURIComponent(jobId)}`);
  expect(result.status).toBe(200);
  return result.body.value;
}

const assignedGroups = async () =>
  ((await emu.call("GET", `${spPath}/appRoleAssignedTo`)).body.value as { principalId: string; principalType: string }[]).filter((a) => a.principalType === "Group").map((a) => a.principalId);

/** Who is assigned to the app, as users: directly or as direct members of an assigned group (nested groups are not provisioned). */
async function assignedUsers(): Promise<Map<string, { accountEnabled: boolean; userPrincipalName: string }>> {
  const assignments = (await emu.call("GET", `${spPath}/appRoleAssignedTo`)).body.value as { principalId: string; principalType: string }[];
  const users = new Map<string, { accountEnabled: boolean; userPrincipalName: string }>();
  for (const assignment of assignments) {
    const path = assignment.principalType === "User" ? `/beta/users/${assignment.principalId}` : `/beta/groups/${assignment.principalId}/members`;
    const body = (await emu.call("GET", `${path}?$select=id,accountEnabled,userPrincipalName`)).body;
    for (const user of assignment.principalType === "User" ? [body] : body.value.filter((m: { "@odata.type": string }) => m["@odata.type"] === "#microsoft.graph.user")) {
      users.set(user.id, user);
    }
  }
  return users;
}

async function startedJob(): Promise<string> {
  const created = await emu.call("POST", `${spPath}/synchronization/jobs`, { body: { templateId: "dataBricks" } });
  expect(created.status).toBe(201);
  const secrets = [
    { key: "BaseAddress", value: SCIM_DEMO_CREDENTIALS.BaseAddress },
    { key: "SecretToken", value: SCIM_DEMO_CREDENTIALS.SecretToken },
  ];
  expect((await emu.call("PUT", `${spPath}/synchronization/secrets`, { body: { value: secrets } })).status).toBe(204);
  expect((await emu.call("POST", `${spPath}/synchronization/jobs/${encodeURIComponent(created.body.id)}/start`)).status).toBe(204);
  return created.body.id;
}

const job = async (id: string) => (await emu.call("GET", `${spPath}/synchronization/jobs/${encodeURIComponent(id)}`)).body;
const logs = async (jobId: string) =>
  (await emu.call("GET", `/v1.0/auditLogs/provisioning?$top=500&$filter=${encodeURIComponent(`jobId eq '${jobId}'`)}`)).body.value as {
    provisioningAction: string;
    sourceIdentity: { id: string };
    targetIdentity: { id: string };
    provisioningStatusInfo: { status: string };
    modifiedProperties: { displayName: string; newValue: string | null }[];
  }[];

describe("a started job provisions the people assigned to its app", () => {
  it("the initial cycle creates one account per assigned user and group; the counts and the logs say what it did", async () => {
    const id = await startedJob();
    expect(await target(id)).toEqual([]); // nothing before the initial cycle ends
    await advance("PT40M");

    const assigned = await assignedUsers();
    const groups = await assignedGroups();
    expect(assigned.size).toBeGreaterThan(2);
    expect(groups.length).toBeGreaterThan(0);
    const all = await target(id);
    const accounts = all.filter((account) => account.objectType === "User");
    expect(new Set(accounts.map((account) => account.sourceId))).toEqual(new Set(assigned.keys()));
    for (const account of accounts) {
      const user = assigned.get(account.sourceId)!;
      expect(account.attributes.userName).toBe(user.userPrincipalName);
      // The default mapping's active ← Switch([IsSoftDeleted], …): disabled people are provisioned inactive.
      expect(account.attributes.active).toBe(user.accountEnabled ? "True" : "False");
    }

    // Each assigned group, with its members as the target accounts of its direct member users.
    const groupAccounts = all.filter((account) => account.objectType === "Group");
    expect(groupAccounts.map((account) => account.sourceId).sort()).toEqual([...groups].sort());
    for (const account of groupAccounts) {
      const members = ((await emu.call("GET", `/beta/groups/${account.sourceId}/members?$select=id`)).body.value as { id: string }[]).map((m) => m.id);
      const expected = accounts.filter((user) => members.includes(user.sourceId)).map((user) => user.id).sort();
      expect(account.attributes.members?.split(",").filter(Boolean) ?? []).toEqual(expected);
    }

    const objects = assigned.size + groups.length;
    const status = (await job(id)).status;
    expect(status.code).toBe("Active");
    expect(status.lastExecution).toMatchObject({ countEntitled: objects, countExported: objects, countImported: objects });
    expect(status.synchronizedEntryCountByType).toEqual(
      expect.arrayContaining([
        { key: "User to User", value: assigned.size },
        { key: "Group to Group", value: groups.length },
      ]),
    );

    const entries = await logs(id);
    expect(entries).toHaveLength(objects);
    for (const entry of entries) {
      expect(entry).toMatchObject({ provisioningAction: "create", provisioningStatusInfo: { status: "success" } });
      expect(all.find((account) => account.sourceId === entry.sourceIdentity.id)?.id).toBe(entry.targetIdentity.id);
    }
  });

  it("the next cycle exports only what changed: a renamed person is updated, an unassigned one disabled", async () => {
    const id = await startedJob();
    await advance("PT40M");
    const assignments = (await emu.call("GET", `${spPath}/appRoleAssignedTo`)).body.value as { id: string; principalId: string; principalType: string }[];
    const direct = assignments.find((assignment) => assignment.principalType === "User")!;
    expect(direct, "a user assigned directly").toBeDefined();
    const renamed = [...(await assignedUsers()).keys()].find((userId) => userId !== direct.principalId)!;
    expect((await emu.call("PATCH", `/v1.0/users/${renamed}`, { body: { displayName: "Renamed Person" } })).status).toBe(204);
    expect((await emu.call("DELETE", `${spPath}/appRoleAssignedTo/${direct.id}`)).status).toBe(204);
    const before = (await logs(id)).length;

    await advance("PT45M");
    const accounts = (await target(id)).filter((account) => account.objectType === "User");
    expect(accounts.find((account) => account.sourceId === renamed)?.attributes.displayName).toBe("Renamed Person");
    expect(accounts.find((account) => account.sourceId === direct.principalId)?.attributes.active).toBe("False");
    const fresh = (await logs(id)).slice(0, (await logs(id)).length - before);
    expect(fresh.map((entry) => [entry.provisioningAction, entry.sourceIdentity.id]).sort()).toEqual(
      [
        ["disable", direct.principalId],
        ["update", renamed],
      ].sort(),
    );
    expect(fresh.find((entry) => entry.provisioningAction === "update")?.modifiedProperties).toContainEqual(expect.objectContaining({ displayName: "displayName", newValue: "Renamed Person" }));
    expect((await job(id)).status.lastExecution).toMatchObject({ countExported: 2 });

    await advance("PT45M"); // nothing changed since
    expect((await job(id)).status.lastExecution).toMatchObject({ countExported: 0, countImported: 0 });
  });

  it("a job whose app refuses its credentials provisions nobody", async () => {
    const created = await emu.call("POST", `${spPath}/synchronization/jobs`, { body: { templateId: "dataBricks" } });
    await emu.call("PUT", `${spPath}/synchronization/secrets`, { body: { value: [{ key: "BaseAddress", value: SCIM_DEMO_CREDENTIALS.BaseAddress }, { key: "SecretToken", value: "wrong" }] } });
    await emu.call("POST", `${spPath}/synchronization/jobs/${encodeURIComponent(created.body.id)}/start`);
    await advance("PT40M");
    expect((await job(created.body.id)).status.code).toBe("Quarantine");
    expect(await target(created.body.id)).toEqual([]);
  });
});

describe("the seeded tenant", () => {
  it("provisions direct members of an assigned group, not members of groups nested in it", async () => {
    const slack = (await emu.call("GET", `/beta/servicePrincipals/${SP.slack}/synchronization/jobs`)).body.value[0].id as string;
    const accounts = (await emu.control("GET", `target/${SP.slack}/${encodeURIComponent(slack)}`)).body.value as Account[];
    expect(accounts.length).toBeGreaterThan(2);
    // Megan Bowen is in Marketing, a group nested in Slack Users, which is assigned to Slack.
    const megan = "0c5a1d3e-8f2b-4a6c-9d7e-1f2a3b4c5d02";
    expect((await emu.call("GET", `/v1.0/users/${megan}/transitiveMemberOf?$select=displayName`)).body.value.map((g: { displayName: string }) => g.displayName)).toContain("Slack Users");
    expect(accounts.map((account) => account.sourceId)).not.toContain(megan);
  });

  it("the job seeded with escrows fails on a real conflict in its app, with the error and the recommended action", async () => {
    const github = (await emu.call("GET", `/beta/servicePrincipals/${SP.githubEmu}/synchronization/jobs`)).body.value[0];
    expect(github.status.lastExecution).toMatchObject({ state: "EntryLevelErrors", countEscrowed: 1 });
    const failures = (
      await emu.call("GET", `/v1.0/auditLogs/provisioning?$top=50&$filter=${encodeURIComponent(`jobId eq '${github.id}' and provisioningStatusInfo/status eq 'failure'`)}`)
    ).body.value;
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0].provisioningStatusInfo.errorInformation).toMatchObject({ errorCode: "EntryConflict", recommendedAction: expect.stringContaining("Correct the conflicting attribute values") });
    expect(failures[0].provisioningSteps.at(-1)).toMatchObject({ provisioningStepType: "export", status: "failure" });
  });

  it("AWS, which requires first and last names, fails to create the guest who has neither: MandatoryFieldsMissing", async () => {
    const aws = (await emu.call("GET", `/beta/servicePrincipals/${SP.aws}/synchronization/jobs`)).body.value[0];
    const tomas = (await emu.call("GET", `/v1.0/users?$filter=${encodeURIComponent("displayName eq 'Tomás Ortega'")}&$select=id,givenName,surname`)).body.value[0];
    expect(tomas).toMatchObject({ givenName: null, surname: null });
    const failures = (
      await emu.call("GET", `/v1.0/auditLogs/provisioning?$top=50&$filter=${encodeURIComponent(`jobId eq '${aws.id}' and provisioningStatusInfo/status eq 'failure'`)}`)
    ).body.value;
    expect(failures.map((entry: { sourceIdentity: { id: string } }) => entry.sourceIdentity.id)).toContain(tomas.id);
    expect(failures[0].provisioningStatusInfo.errorInformation).toMatchObject({ errorCode: "MandatoryFieldsMissing", reason: expect.stringContaining("name.givenName, name.familyName") });
    const accounts = (await emu.control("GET", `target/${SP.aws}/${encodeURIComponent(aws.id)}`)).body.value as Account[];
    expect(accounts.map((account) => account.sourceId)).not.toContain(tomas.id);
    expect(aws.status.lastExecution.countEscrowed).toBeGreaterThan(0);
  });
});

describe("provision on demand works on the tenant's people", () => {
  const onDemand = (jobId: string, objectId: string, objectTypeName = "User", token?: string) =>
    emu.call("POST", `${spPath}/synchronization/jobs/${encodeURIComponent(jobId)}/provisionOnDemand`, {
      body: { parameters: [{ ruleId: "any", subjects: [{ objectId, objectTypeName }] }] },
      ...(token ? { token } : {}),
    });

  it("an assigned user is created now, with the five steps; an unassigned one is skipped and says why; both are logged as the caller's", async () => {
    const id = await startedJob();
    const [assigned] = [...(await assignedUsers()).keys()];
    const created = await onDemand(id, assigned);
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body.key)).toEqual({ result: "Success", details: {} });
    const value = JSON.parse(created.body.value);
    expect(value.action).toBe("Create");
    expect(value.provisioningSteps.map((step: { type: string }) => step.type)).toEqual(["Import", "Scoping", "Matching", "Export"]);
    expect(value.statusInfo).toMatchObject({ status: "Success", errorCode: null });
    expect((await target(id)).some((account) => account.sourceId === assigned)).toBe(true);

    const again = JSON.parse((await onDemand(id, assigned)).body.key);
    expect(again).toMatchObject({ result: "Skipped", details: { errorCode: "RedundantExport" } });

    const nestor = "9338da9f-5755-5fbf-92e7-e5f0ef7c337f"; // assigned to nothing
    const skipped = await onDemand(id, nestor);
    expect(JSON.parse(skipped.body.key)).toMatchObject({ result: "Skipped", details: { errorCode: "NotEffectivelyEntitled" } });
    const scoping = JSON.parse(skipped.body.value).provisioningSteps.find((step: { type: string }) => step.type === "Scoping");
    expect(scoping).toMatchObject({ status: "Skipped", details: { Assigned: "False", IsEffectivelyEntitledForProvisioning: "False" } });
    expect((await target(id)).some((account) => account.sourceId === nestor)).toBe(false);

    const entries = (await emu.call("GET", `/v1.0/auditLogs/provisioning?$top=50&$filter=${encodeURIComponent(`jobId eq '${id}'`)}`)).body.value;
    const byAdmin = entries.filter((entry: { initiatedBy: { displayName: string; initiatorType: string } }) => entry.initiatedBy.initiatorType === "user");
    expect(byAdmin.map((entry: { sourceIdentity: { id: string } }) => entry.sourceIdentity.id).sort()).toEqual([assigned, assigned, nestor].sort());
    expect(byAdmin[0].initiatedBy.displayName).toBe("Adele Vance");
  });

  it("refuses a user that does not exist, and a group of more than 5 members", async () => {
    const id = await startedJob();
    expect((await onDemand(id, "11111111-2222-4333-8444-555555555555")).status).toBe(404);
    const groups = (await emu.call("GET", "/v1.0/groups?$select=id")).body.value as { id: string }[];
    for (const group of groups) {
      const members = (await emu.call("GET", `/v1.0/groups/${group.id}/members?$select=id`)).body.value as unknown[];
      if (members.length <= 5) continue;
      const refused = await onDemand(id, group.id, "Group");
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/at most 5 members/);
      return;
    }
    throw new Error("the seed has no group of more than 5 members");
  });
});

describe("provision on demand of a group", () => {
  interface Entry {
    provisioningAction: string;
    sourceIdentity: { id: string; identityType: string };
    provisioningStatusInfo: { status: string };
    initiatedBy: { initiatorType: string; displayName: string };
  }
  const subjectsOnDemand = (jobId: string, subjects: unknown[]) =>
    emu.call("POST", `${spPath}/synchronization/jobs/${encodeURIComponent(jobId)}/provisionOnDemand`, { body: { parameters: [{ ruleId: "any", subjects }] } });
  const found = async (filter: string) =>
    (await emu.call("GET", `/v1.0/auditLogs/provisioning?$top=100&$filter=${encodeURIComponent(filter)}`)).body.value as Entry[];
  const userMembers = async (groupId: string) =>
    ((await emu.call("GET", `/v1.0/groups/${groupId}/members?$select=id`)).body.value as { id: string; "@odata.type": string }[])
      .filter((member) => member["@odata.type"] === "#microsoft.graph.user")
      .map((member) => member.id);
  /** Databricks started (its initial cycle not ended: its app holds nothing yet) with Engineering, a group of more than 5, assigned. */
  async function jobWithEngineering(): Promise<{ id: string; members: string[] }> {
    const id = await startedJob();
    const assigned = await emu.call("POST", `/v1.0/servicePrincipals/${sp}/appRoleAssignedTo`, { body: { principalId: GROUP.engineering, resourceId: sp, appRoleId: DEFAULT_APP_ROLE_ID } });
    expect(assigned.status).toBe(201);
    const members = await userMembers(GROUP.engineering);
    expect(members.length).toBeGreaterThan(5);
    expect(await target(id)).toEqual([]);
    return { id, members };
  }
  const link = (ids: string[], objectTypeName = "User") => ({ members: ids.map((objectId) => ({ objectId, objectTypeName })) });

  it("with links provisions exactly the linked members and the group, answers as the docs' Group example, and logs each where jobId and sourceIdentity/id find it", async () => {
    const { id, members } = await jobWithEngineering();
    // Without links the group is too big for on demand.
    const whole = await subjectsOnDemand(id, [{ objectId: GROUP.engineering, objectTypeName: "Group" }]);
    expect(whole.status).toBe(400);
    expect(whole.body.error.message).toMatch(/at most 5 members; the group 'Engineering' has \d+/);

    const linked = members.slice(0, 2);
    const result = await subjectsOnDemand(id, [{ objectId: GROUP.engineering, objectTypeName: "Group", links: link(linked, "user") }]);
    expect(result.status).toBe(200);
    expect(result.body.key).toBe('{"result":"Success","details":{}}');
    expect(result.body.value).toBe("{}");

    const accounts = await target(id);
    const users = accounts.filter((account) => account.objectType === "User");
    expect(users.map((account) => account.sourceId).sort()).toEqual([...linked].sort());
    const group = accounts.filter((account) => account.objectType === "Group");
    expect(group.map((account) => account.sourceId)).toEqual([GROUP.engineering]);
    expect(group[0].attributes.members?.split(",").sort()).toEqual(users.map((account) => account.id).sort());

    const both = await found(`jobId eq '${id}' and (sourceIdentity/id eq '${linked[0]}' or sourceIdentity/id eq '${linked[1]}')`);
    expect(both.map((entry) => entry.sourceIdentity.id).sort()).toEqual([...linked].sort());
    for (const objectId of [...linked, GROUP.engineering]) {
      const entries = await found(`jobId eq '${id}' and sourceIdentity/id eq '${objectId}'`);
      expect(entries, objectId).toHaveLength(1);
      expect(entries[0]).toMatchObject({ provisioningAction: "create", provisioningStatusInfo: { status: "success" }, initiatedBy: { initiatorType: "user", displayName: "Adele Vance" } });
    }
    expect(await found(`jobId eq '${id}' and sourceIdentity/id eq '${members[2]}'`)).toEqual([]);
  });

  it("without links provisions every direct member of a group of at most 5, and answers the group's result with value {}", async () => {
    const id = await startedJob();
    const members = await userMembers(GROUP.dataPlatform);
    expect(members.length).toBeGreaterThan(0);
    expect(members.length).toBeLessThanOrEqual(5);
    const result = await subjectsOnDemand(id, [{ objectId: GROUP.dataPlatform, objectTypeName: "Group" }]);
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body.key)).toEqual({ result: "Success", details: {} });
    expect(result.body.value).toBe("{}");
    const accounts = await target(id);
    expect(accounts.filter((account) => account.objectType === "User").map((account) => account.sourceId).sort()).toEqual([...members].sort());
    const entries = await found(`jobId eq '${id}' and (${[...members, GROUP.dataPlatform].map((objectId) => `sourceIdentity/id eq '${objectId}'`).join(" or ")})`);
    expect(entries.map((entry) => entry.sourceIdentity.id).sort()).toEqual([...members, GROUP.dataPlatform].sort());
  });

  it("the key of a group that is not a success is the group's own: an unassigned group is Skipped", async () => {
    const id = await startedJob();
    const [member] = await userMembers(GROUP.engineering);
    const result = await subjectsOnDemand(id, [{ objectId: GROUP.engineering, objectTypeName: "Group", links: link([member]) }]);
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body.key)).toMatchObject({ result: "Skipped", details: { errorCode: "NotEffectivelyEntitled" } });
    expect(result.body.value).toBe("{}");
    expect(await target(id)).toEqual([]);
  });

  type Refusal = [label: string, links: (members: string[]) => unknown, message: RegExp];
  const refusals: Refusal[] = [
    ["6 links", (members) => link(members.slice(0, 6)), /at most 5 members; 'parameters\[0\]\.subjects\[0\]\.links\.members' has 6\./],
    ["a link to a user who is not a member", (members) => link([members[0], USER.nestorWilke]), new RegExp(`'${USER.nestorWilke}' is not a direct user member of the group 'Engineering'\\.`)],
    ["a link to an unknown id", () => link(["11111111-2222-4333-8444-555555555555"]), /is not a direct user member of the group 'Engineering'/],
    ["a link to a group", () => link([GROUP.brandStudio], "Group"), /links\.members\[0\]' needs 'objectId' and the objectTypeName 'User'/],
    ["a link without objectId", () => ({ members: [{ objectTypeName: "User" }] }), /links\.members\[0\]' needs 'objectId'/],
    ["members that are not an array", () => ({ members: "all" }), new RegExp(INVALID_JSON_MESSAGE.replace(/[.]/g, "\\."))],
    ["a property synchronizationLinkedObjects does not declare", (members) => ({ members: [{ objectId: members[0], objectTypeName: "User" }], everyone: true }), new RegExp(INVALID_JSON_MESSAGE.replace(/[.]/g, "\\."))],
  ];
  it.each(refusals)("refuses %s (400) and provisions nothing", async (_label, links, message) => {
    const { id, members } = await jobWithEngineering();
    const refused = await subjectsOnDemand(id, [{ objectId: GROUP.engineering, objectTypeName: "Group", links: links(members) }]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(message);
    expect(await target(id)).toEqual([]);
    expect((await logs(id)).length).toBe(0);
  });

  it("refuses a link to a member of a nested group: only direct members", async () => {
    const id = await startedJob();
    const megan = "0c5a1d3e-8f2b-4a6c-9d7e-1f2a3b4c5d02"; // Marketing ⊂ Slack Users
    const refused = await subjectsOnDemand(id, [{ objectId: GROUP.slackUsers, objectTypeName: "Group", links: link([megan]) }]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(`'${megan}' is not a direct user member of the group 'Slack Users'.`);
  });
});

describe("the cross-tenant job's scoping filter", () => {
  const crossTenant = `/beta/servicePrincipals/${SP.crossTenant}/synchronization`;
  const onDemand = (objectId: string) =>
    emu.call("POST", `${crossTenant}/jobs/${encodeURIComponent(JOB.crossTenantActive)}/provisionOnDemand`, {
      body: { parameters: [{ ruleId: "any", subjects: [{ objectId, objectTypeName: "User" }] }] },
    });
  const scopingStep = (value: string) => JSON.parse(value).provisioningSteps.find((step: { type: string }) => step.type === "Scoping");

  it("is Graph's filter shape on the template's user mapping: enabled members only", async () => {
    const schema = (await emu.call("GET", `${crossTenant}/templates/Azure2Azure/schema`)).body;
    const userMapping = schema.synchronizationRules[0].objectMappings.find((mapping: { sourceObjectName: string }) => mapping.sourceObjectName === "User");
    expect(userMapping.scope).toEqual({
      categoryFilterGroups: [],
      groups: [
        {
          name: "Members only",
          clauses: [
            { operatorName: "EQUALS", sourceOperandName: "userType", targetOperand: { values: ["Member"] } },
            { operatorName: "IS TRUE", sourceOperandName: "accountEnabled", targetOperand: { values: [] } },
          ],
        },
      ],
      inputFilterGroups: [],
    });
  });

  it("keeps Project Falcon's guests out: never provisioned by the seeded history, Skipped on demand with the filter group false", async () => {
    const accounts = (await emu.control("GET", `target/${SP.crossTenant}/${encodeURIComponent(JOB.crossTenantActive)}`)).body.value as Account[];
    const provisioned = accounts.map((account) => account.sourceId);
    expect(provisioned).toEqual(expect.arrayContaining([USER.diegoSiciliani, USER.hugoLefebvre, USER.isabelGarcia]));
    expect(provisioned).not.toContain(USER.jordanReyes);
    expect(provisioned).not.toContain(USER.tomasOrtega);

    const jordan = await onDemand(USER.jordanReyes);
    expect(jordan.status).toBe(200);
    expect(JSON.parse(jordan.body.key)).toMatchObject({ result: "Skipped", details: { errorCode: "NotEffectivelyEntitled" } });
    expect(scopingStep(jordan.body.value)).toMatchObject({
      status: "Skipped",
      details: { Assigned: "True", IsInProvisioningScopeDisplayName: "False", ScopeEvaluationResult: '{"Members only":"false"}' },
    });

    // A member of the same group passes the filter.
    const diego = await onDemand(USER.diegoSiciliani);
    expect(scopingStep(diego.body.value)).toMatchObject({ status: "Success", details: { IsInProvisioningScopeDisplayName: "True", ScopeEvaluationResult: '{"Members only":"true"}' } });
  });
});

describe("the seeded synchronization rules", () => {
  it("carry supportsProvisionOnDemand = true, except API-driven inbound (fed by bulkUpload)", async () => {
    const seen = { onDemand: 0, inbound: 0 };
    for (const { id } of (await emu.call("GET", "/beta/servicePrincipals?$top=999&$select=id")).body.value as { id: string }[]) {
      const base = `/beta/servicePrincipals/${id}/synchronization`;
      const schemas: [string, { synchronizationRules: { metadata: { key: string; value: string }[] }[] }][] = [];
      for (const template of (await emu.call("GET", `${base}/templates`)).body.value) schemas.push([template.factoryTag, template.schema]);
      for (const job of (await emu.call("GET", `${base}/jobs`)).body.value) schemas.push([job.templateId, (await emu.call("GET", `${base}/jobs/${encodeURIComponent(job.id)}/schema`)).body]);
      for (const [tag, schema] of schemas) {
        for (const rule of schema.synchronizationRules) {
          const entries = rule.metadata.filter((entry) => entry.key === "supportsProvisionOnDemand");
          if (tag === "API2AAD") {
            expect(entries, `${id} ${tag}`).toEqual([]);
            seen.inbound++;
          } else {
            expect(entries, `${id} ${tag}`).toEqual([{ key: "supportsProvisionOnDemand", value: "true" }]);
            seen.onDemand++;
          }
        }
      }
    }
    expect(seen.inbound).toBeGreaterThan(0);
    expect(seen.onDemand).toBeGreaterThan(10);
  });

  it("Box is an OAuth app (the on-demand FAQ names it): isOAuthEnabled true", async () => {
    const [template] = (await emu.call("GET", `/beta/servicePrincipals/${SP.box}/synchronization/templates`)).body.value;
    expect(template.metadata).toContainEqual({ key: "isOAuthEnabled", value: "true" });
  });
});

describe("scoping filters", () => {
  it("keep only the people the filter selects: the others are not created, or disabled if they were", async () => {
    const id = await startedJob();
    await advance("PT40M");
    const users = await assignedUsers();
    const departments = new Map<string, string | null>();
    for (const userId of users.keys()) departments.set(userId, (await emu.call("GET", `/v1.0/users/${userId}?$select=department`)).body.department);
    const kept = [...departments.values()].find((department) => department !== null)!;

    const jobPath = `${spPath}/synchronization/jobs/${encodeURIComponent(id)}`;
    const schema = (await emu.call("GET", `${jobPath}/schema`)).body;
    delete schema["@odata.context"];
    const userMapping = schema.synchronizationRules[0].objectMappings.find((mapping: { sourceObjectName: string }) => mapping.sourceObjectName === "User");
    userMapping.scope = { groups: [{ name: "Only one department", clauses: [{ operatorName: "EQUALS", sourceOperandName: "department", targetOperand: { values: [kept] } }] }], categoryFilterGroups: [], inputFilterGroups: [] };
    expect((await emu.call("PUT", `${jobPath}/schema`, { body: schema })).status).toBe(204);

    await advance("PT45M");
    const accounts = (await target(id)).filter((account) => account.objectType === "User");
    for (const [userId, department] of departments) {
      const account = accounts.find((candidate) => candidate.sourceId === userId)!;
      const enabled = users.get(userId)!.accountEnabled;
      expect(account.attributes.active, `${userId} (${department})`).toBe(department === kept && enabled ? "True" : "False");
    }
  });
});

describe("accidental deletions prevention", () => {
  const jobPath = (id: string) => `${spPath}/synchronization/jobs/${encodeURIComponent(id)}`;
  /** Databricks with its deletion threshold at `threshold`; Data Platform unassigned takes two people (the others stay assigned directly). */
  async function jobLosingTwoPeople(threshold: number) {
    const id = await startedJob();
    const settings = JSON.stringify({ Enabled: false, DeleteThresholdEnabled: true, DeleteThresholdValue: threshold });
    const secrets = [
      { key: "BaseAddress", value: SCIM_DEMO_CREDENTIALS.BaseAddress },
      { key: "SecretToken", value: SCIM_DEMO_CREDENTIALS.SecretToken },
      { key: "SyncNotificationSettings", value: settings },
    ];
    expect((await emu.call("PUT", `${spPath}/synchronization/secrets`, { body: { value: secrets } })).status).toBe(204);
    await advance("PT40M");
    const before = new Set((await assignedUsers()).keys());
    const group = ((await emu.call("GET", `${spPath}/appRoleAssignedTo`)).body.value as { id: string; principalType: string }[]).find((a) => a.principalType === "Group")!;
    expect((await emu.call("DELETE", `${spPath}/appRoleAssignedTo/${group.id}`)).status).toBe(204);
    const after = await assignedUsers();
    const leaving = [...before].filter((userId) => !after.has(userId));
    expect(leaving).toHaveLength(2);
    return { id, leaving };
  }
  const active = async (id: string, userIds: string[]) => {
    const accounts = await target(id);
    return userIds.map((userId) => accounts.find((account) => account.sourceId === userId)?.attributes.active);
  };

  it("a cycle with as many disables as the threshold stages them and quarantines with TooManyDeletes; ForceDeletes lets them through", async () => {
    const { id, leaving } = await jobLosingTwoPeople(2);
    const logged = (await logs(id)).length;
    await advance("PT45M");

    const { status } = await job(id);
    expect(status.code).toBe("Quarantine");
    expect(status.quarantine).toMatchObject({ reason: "TooManyDeletes", error: null });
    expect(await active(id, leaving)).toEqual(["True", "True"]);
    const staged = (await logs(id)).slice(0, (await logs(id)).length - logged);
    expect(staged.map((entry) => [entry.provisioningAction, entry.provisioningStatusInfo.status, entry.sourceIdentity.id]).sort()).toEqual(leaving.map((userId) => ["stagedDelete", "skipped", userId]).sort());
    const audits = (await emu.call("GET", `/v1.0/auditLogs/directoryAudits?$filter=${encodeURIComponent("activityDisplayName eq 'Quarantine'")}`)).body.value;
    expect(audits.some((audit: { resultReason: string; additionalDetails: { value: string }[] }) => audit.resultReason === "TooManyDeletes" && audit.additionalDetails.some((d) => d.value === id))).toBe(true);

    // The job waits for the admin: later cycles neither run nor stage again.
    await advance("PT2H");
    expect((await job(id)).status.quarantine?.reason).toBe("TooManyDeletes");
    expect((await logs(id)).length).toBe(logged + 2);

    expect((await emu.call("POST", `${jobPath(id)}/restart`, { body: { criteria: { resetScope: "ForceDeletes" } } })).status).toBe(204);
    expect((await job(id)).status.quarantine).toBeNull();
    await advance("PT2M");
    expect(await active(id, leaving)).toEqual(["False", "False"]);
    expect((await logs(id)).slice(0, 2).map((entry) => entry.provisioningAction)).toEqual(["disable", "disable"]);
    expect((await job(id)).status).toMatchObject({ code: "Active", quarantine: null });
  });

  it("a restart without ForceDeletes evaluates the deletes again; below the threshold they go through", async () => {
    const held = await jobLosingTwoPeople(2);
    await advance("PT45M");
    expect((await emu.call("POST", `${jobPath(held.id)}/restart`, { body: { criteria: { resetScope: "QuarantineState" } } })).status).toBe(204);
    await advance("PT2M");
    expect((await job(held.id)).status.quarantine?.reason).toBe("TooManyDeletes");
    expect(await active(held.id, held.leaving)).toEqual(["True", "True"]);

    await emu.control("POST", "reset");
    const { id, leaving } = await jobLosingTwoPeople(3);
    await advance("PT45M");
    expect((await job(id)).status).toMatchObject({ code: "Active", quarantine: null });
    expect(await active(id, leaving)).toEqual(["False", "False"]);
  });
});

describe("flowTypes", () => {
  it("a mapping that only adds creates accounts but neither updates nor disables them", async () => {
    const id = await startedJob();
    const jobPath = `${spPath}/synchronization/jobs/${encodeURIComponent(id)}`;
    const schema = (await emu.call("GET", `${jobPath}/schema`)).body;
    delete schema["@odata.context"];
    schema.synchronizationRules[0].objectMappings.find((mapping: { sourceObjectName: string }) => mapping.sourceObjectName === "User").flowTypes = "Add";
    expect((await emu.call("PUT", `${jobPath}/schema`, { body: schema })).status).toBe(204);
    await advance("PT40M");
    const users = [...(await assignedUsers()).keys()];
    expect((await target(id)).filter((account) => account.objectType === "User")).toHaveLength(users.length);

    const direct = ((await emu.call("GET", `${spPath}/appRoleAssignedTo`)).body.value as { id: string; principalId: string; principalType: string }[]).find((a) => a.principalType === "User")!;
    const renamed = users.find((userId) => userId !== direct.principalId)!;
    expect((await emu.call("PATCH", `/v1.0/users/${renamed}`, { body: { displayName: "Renamed Person" } })).status).toBe(204);
    expect((await emu.call("DELETE", `${spPath}/appRoleAssignedTo/${direct.id}`)).status).toBe(204);
    const logged = (await logs(id)).length;
    await advance("PT45M");
    const accounts = await target(id);
    expect(accounts.find((account) => account.sourceId === renamed)?.attributes.displayName).not.toBe("Renamed Person");
    expect(accounts.find((account) => account.sourceId === direct.principalId)?.attributes.active).toBe("True");
    expect((await logs(id)).length).toBe(logged);
  });
});
