import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { provisioningAudits } from "./directory-audits";
import { createGraphGateway } from "./gateway";
import { GraphError } from "./graph-error";

let emulator: TestEmulator;
const graph = (persona: "admin" | "nosync" = "admin") => createGraphGateway({ baseUrl: emulator.url, version: "v1.0", getToken: () => emulator.token(persona) });

beforeAll(async () => {
  emulator = await startTestEmulator({ clockSpeed: 0 });
});
afterAll(() => emulator.close());

describe("provisioningAudits (the Activity list's read)", () => {
  it("lists the provisioning audits of one app only, newest first, and a write appears after it happens", async () => {
    const before = await provisioningAudits(graph(), { servicePrincipalId: SP.box });
    expect(before.value.length).toBeGreaterThan(0);
    const jobPath = `/beta/servicePrincipals/${SP.box}/synchronization/jobs/${encodeURIComponent(JOB.boxPaused)}`;
    expect((await emulator.call("POST", `${jobPath}/start`)).status).toBe(204);
    const after = await provisioningAudits(graph(), { servicePrincipalId: SP.box });
    expect(after.value[0]).toMatchObject({ activityDisplayName: "Enable/start provisioning configuration", initiatedBy: { user: { displayName: "Adele Vance" } } });
    expect(after.value.length).toBe(before.value.length + 1);
    const times = after.value.map((audit) => Date.parse(audit.activityDateTime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const others = await provisioningAudits(graph(), { servicePrincipalId: SP.slack });
    expect(others.value.map((audit) => audit.id)).not.toContain(after.value[0].id);
  });

  it("fails with Graph's 403 for a persona without AuditLog.Read.All", async () => {
    const refused = await provisioningAudits(graph("nosync"), { servicePrincipalId: SP.box }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GraphError);
    expect((refused as GraphError).info).toMatchObject({ kind: "forbidden", status: 403 });
  });
});
