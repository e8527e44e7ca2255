import { beforeAll, describe, expect, it } from "vitest";
import { GROUP, USER } from "@/lib/emulator/directory/ids";
import { DEFAULT_APP_ROLE_ID } from "@/lib/emulator/directory/types";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { toOnDemandResult } from "@/lib/logs/on-demand-result";
import { type TestEmulator } from "@/test/support/emulator";
import { withActionEmulator } from "@/test/support/action-emulator";
import { provisionOnDemand } from "./provision-on-demand";

let emulator: TestEmulator;
let admin: string;
let boxRule: string;

withActionEmulator((running) => (emulator = running));
beforeAll(async () => {
  admin = await emulator.token("admin");
  boxRule = (await emulator.call("GET", `/beta/servicePrincipals/${SP.box}/synchronization/jobs/${JOB.boxPaused}/schema`)).body.synchronizationRules[0].id;
});

/** Box's job is paused: nothing reaches its target app but what is provisioned on demand. */
const BOX = { servicePrincipalId: SP.box, jobId: JOB.boxPaused };
const onDemandPosts = async () => (await emulator.requests()).filter((request) => request.path.endsWith("/provisionOnDemand"));
const boxAccounts = async () => (await emulator.control<{ value: { sourceId: string }[] }>("GET", `target/${SP.box}/${JOB.boxPaused}`)).body.value.map((account) => account.sourceId);
const assignToBox = (principalId: string) =>
  emulator.call("POST", `/beta/servicePrincipals/${SP.box}/appRoleAssignedTo`, { body: { principalId, resourceId: SP.box, appRoleId: DEFAULT_APP_ROLE_ID } });

describe("provisionOnDemand", () => {
  it("creates a newly assigned user's account in the target app, and answers the five steps' record", async () => {
    expect((await assignToBox(USER.johannaLorenz)).status).toBe(201);
    expect(await boxAccounts()).not.toContain(USER.johannaLorenz);
    const result = await provisionOnDemand(admin, { ...BOX, ruleId: boxRule, subject: { type: "user", id: USER.johannaLorenz } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const view = toOnDemandResult(result.data);
    expect(view.result?.code).toBe("success");
    expect(view.records[0]).toMatchObject({ action: { code: "create" }, status: { code: "success" } });
    expect(view.records[0].steps.map((step) => step.type.code)).toEqual(expect.arrayContaining(["import", "scoping", "matching", "export"]));
    expect(await boxAccounts()).toContain(USER.johannaLorenz);
  });

  it("skips an unassigned user and says so in the scoping step", async () => {
    const result = await provisionOnDemand(admin, { ...BOX, ruleId: boxRule, subject: { type: "user", id: USER.nestorWilke } });
    if (!result.ok) throw new Error(result.error.message);
    const view = toOnDemandResult(result.data);
    expect(view.result?.code).toBe("skipped");
    const scoping = view.records[0].steps.find((step) => step.type.code === "scoping");
    expect(scoping?.details).toContainEqual({ name: "Assigned", value: "False" });
    expect(await boxAccounts()).not.toContain(USER.nestorWilke);
  });

  it("provisions the chosen members of an assigned group, and the group", async () => {
    expect((await assignToBox(GROUP.customerSupport)).status).toBe(201);
    const members = (await emulator.call("GET", `/beta/groups/${GROUP.customerSupport}/members`)).body.value.map((member: { id: string }) => member.id).slice(0, 3);
    expect(members).toHaveLength(3);
    await emulator.clearRequests();
    const result = await provisionOnDemand(admin, { ...BOX, ruleId: boxRule, subject: { type: "group", id: GROUP.customerSupport, memberIds: members } });
    expect(result).toMatchObject({ ok: true });
    expect(await onDemandPosts()).toHaveLength(1);
    expect(await boxAccounts()).toEqual(expect.arrayContaining([...members, GROUP.customerSupport]));
  });

  it("sends a sixth request in 10 seconds once, and returns Graph's 429 with its Retry-After", async () => {
    await emulator.clearRequests();
    const input = { ...BOX, ruleId: boxRule, subject: { type: "user" as const, id: USER.nestorWilke } };
    for (let i = 0; i < 5; i++) expect((await provisionOnDemand(admin, input)).ok).toBe(true);
    const sixth = await provisionOnDemand(admin, input);
    expect(sixth).toMatchObject({ ok: false, error: { kind: "throttled", status: 429 } });
    if (!sixth.ok) expect(sixth.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(await onDemandPosts()).toHaveLength(6);
  });

  it("refuses more than 5 members, a repeated member, ids that are not GUIDs and extra fields, before anything is sent", async () => {
    await emulator.clearRequests();
    const group = (memberIds: string[]) => ({ ...BOX, ruleId: boxRule, subject: { type: "group" as const, id: GROUP.customerSupport, memberIds } });
    const ids = [USER.leeGu, USER.adeleVance, USER.gradyArchie, USER.irvinSayers, USER.pradeepGupta, USER.christieCline];
    expect(await provisionOnDemand(admin, group(ids))).toMatchObject({ ok: false, error: { kind: "invalid-input", message: "Provision on demand takes at most 5 members of a group at a time." } });
    expect(await provisionOnDemand(admin, group([USER.leeGu, USER.leeGu.toUpperCase()]))).toMatchObject({ ok: false, error: { kind: "invalid-input", message: "Each member may be chosen only once." } });
    expect(await provisionOnDemand(admin, group([]))).toMatchObject({ ok: false, error: { kind: "invalid-input" } });
    expect(await provisionOnDemand(admin, { ...BOX, ruleId: boxRule, subject: { type: "user", id: "megan@contoso.example" } })).toMatchObject({ ok: false, error: { kind: "invalid-input", message: "A user id is a GUID." } });
    expect(await provisionOnDemand(admin, { ...BOX, ruleId: "../x", subject: { type: "user", id: USER.leeGu } })).toMatchObject({ ok: false, error: { kind: "invalid-input" } });
    expect(await provisionOnDemand(admin, { ...BOX, ruleId: boxRule, subject: { type: "user", id: USER.leeGu }, extra: 1 } as never)).toMatchObject({ ok: false, error: { kind: "invalid-input" } });
    expect(await emulator.requests()).toEqual([]);
  });

  it("maps the read-only admin to 403 and keeps the token out of every answer", async () => {
    const reader = await emulator.token("reader");
    const result = await provisionOnDemand(reader, { ...BOX, ruleId: boxRule, subject: { type: "user", id: USER.leeGu } });
    expect(result).toMatchObject({ ok: false, error: { kind: "forbidden", status: 403 } });
    expect(JSON.stringify(result)).not.toContain(reader);
  });
});
