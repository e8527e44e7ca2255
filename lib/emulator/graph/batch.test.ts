import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB, SP } from "../seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

const batch = (requests: unknown[], version = "beta") => emu.call("POST", `/${version}/$batch`, { body: { requests } });
type Sub = { id: string; status: number; headers: Record<string, string>; body?: any };
const byId = (responses: Sub[]) => Object.fromEntries(responses.map((r) => [r.id, r]));

describe("POST /$batch", () => {
  it("answers each request with its own status, headers and body", async () => {
    const result = await batch([
      { id: "1", method: "GET", url: `/servicePrincipals/${SP.slack}/synchronization/jobs` },
      { id: "2", method: "GET", url: `servicePrincipals/${SP.box}?$select=id,displayName` },
      { id: "3", method: "GET", url: "/servicePrincipals/00000000-0000-0000-0000-000000000000" },
      { id: "4", method: "POST", url: `/servicePrincipals/${SP.slack}/synchronization/jobs/${encodeURIComponent(JOB.slackActive)}/pause` },
    ]);
    expect(result.status).toBe(200);
    const r = byId(result.body.responses);
    expect(r["1"].status).toBe(200);
    expect(r["1"].body.value[0].id).toBe(JOB.slackActive);
    expect(r["1"].headers["Content-Type"]).toBe("application/json");
    expect(r["2"].body).toMatchObject({ id: SP.box, displayName: "Box" });
    expect(r["3"].status).toBe(404);
    expect(r["3"].body.error.code).toBe("Request_ResourceNotFound");
    expect(r["4"].status).toBe(204);
    expect(r["4"].body).toBeUndefined();
  });

  it("runs dependsOn in order and fails dependents of a failed request with 424", async () => {
    const jobs = `/servicePrincipals/${SP.zoom}/synchronization/jobs`;
    const result = await batch([
      { id: "list", method: "GET", url: jobs, dependsOn: ["create"] },
      { id: "create", method: "POST", url: jobs, headers: { "Content-Type": "application/json" }, body: { templateId: "zoom" } },
      { id: "bad", method: "POST", url: jobs, headers: { "Content-Type": "application/json" }, body: { templateId: "nope" } },
      { id: "after-bad", method: "GET", url: jobs, dependsOn: ["bad"] },
    ]);
    const r = byId(result.body.responses);
    expect(r.create.status).toBe(201);
    expect(r.list.body.value.map((job: { id: string }) => job.id)).toContain(r.create.body.id);
    expect(result.body.responses.findIndex((x: Sub) => x.id === "create")).toBeLessThan(result.body.responses.findIndex((x: Sub) => x.id === "list"));
    expect(r.bad.status).toBe(400);
    expect(r["after-bad"].status).toBe(424);
  });

  it("enforces at most 20 requests, unique ids, known dependencies, and Content-Type on bodies", async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: "GET", url: "/servicePrincipals?$top=1" }));
    expect((await batch(many)).status).toBe(400);
    expect((await batch(many.slice(0, 20))).status).toBe(200);
    expect((await batch([{ id: "a", method: "GET", url: "/servicePrincipals" }, { id: "a", method: "GET", url: "/servicePrincipals" }])).status).toBe(400);
    expect((await batch([{ id: "a", method: "GET", url: "/servicePrincipals", dependsOn: ["zzz"] }])).status).toBe(400);
    expect((await batch([{ id: "a", method: "GET", url: "https://graph.microsoft.com/v1.0/servicePrincipals" }])).body.responses[0].status).toBe(400);
    const noType = await batch([{ id: "a", method: "POST", url: `/servicePrincipals/${SP.zoom}/synchronization/jobs`, body: { templateId: "zoom" } }]);
    expect(noType.body.responses[0].status).toBe(400);
    expect((await emu.call("POST", "/beta/$batch", { body: { nope: true } })).status).toBe(400);
  });

  it("sub-requests use the batch's token: the 401/403 quirks apply per item", async () => {
    const token = await emu.token("nosync");
    const result = await emu.call("POST", "/v1.0/$batch", {
      token,
      body: { requests: [{ id: "sp", method: "GET", url: "/servicePrincipals?$top=1" }, { id: "jobs", method: "GET", url: `/servicePrincipals/${SP.slack}/synchronization/jobs` }] },
    });
    const r = byId(result.body.responses);
    expect(r.sp.status).toBe(200);
    expect(r.jobs.status).toBe(401);
    expect(r.jobs.body.error).toMatchObject({ code: "UnknownError", message: "" });
  });
});
