import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, SEED_SP_IDS, SP, XSS_DISPLAY_NAME } from "../seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";

let emu: TestEmulator;
const TOTAL = 2500;
beforeAll(async () => {
  emu = await startTestEmulator({ scale: TOTAL - SEED_SP_IDS.length });
});
afterAll(() => emu.close());

const eventual = { ConsistencyLevel: "eventual" };
const pathOf = (link: string) => link.replace(emu.url, "");

describe("GET /servicePrincipals", () => {
  it("pages 2,500 service principals at $top=999: each exactly once, nextLink keeps the query", async () => {
    const seen = new Map<string, number>();
    let path: string | undefined = "/v1.0/servicePrincipals?$top=999&$select=id,displayName";
    const sizes: number[] = [];
    while (path) {
      const page: { status: number; body: any } = await emu.call("GET", path);
      expect(page.status).toBe(200);
      sizes.push(page.body.value.length);
      for (const sp of page.body.value) {
        expect(Object.keys(sp).sort()).toEqual(["displayName", "id"]);
        seen.set(sp.id, (seen.get(sp.id) ?? 0) + 1);
      }
      const next: string | undefined = page.body["@odata.nextLink"];
      if (next) {
        expect(next).toContain("$top=999");
        expect(next).toContain("$skiptoken=");
      }
      path = next ? pathOf(next) : undefined;
    }
    expect(sizes).toEqual([999, 999, 502]);
    expect(seen.size).toBe(TOTAL);
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    for (const id of SEED_SP_IDS) expect(seen.has(id)).toBe(true);
  });

  it("defaults to 100 per page and rejects $top outside 1..999", async () => {
    expect((await emu.call("GET", "/beta/servicePrincipals")).body.value).toHaveLength(100);
    for (const top of ["0", "1000", "abc"]) expect((await emu.call("GET", `/beta/servicePrincipals?$top=${top}`)).status).toBe(400);
  });

  it("rejects a tampered or foreign $skiptoken", async () => {
    const first = await emu.call("GET", "/beta/servicePrincipals?$top=5");
    const token = new URL(first.body["@odata.nextLink"]).searchParams.get("$skiptoken");
    expect((await emu.call("GET", `/beta/servicePrincipals?$top=6&$skiptoken=${token}`)).status).toBe(400);
    expect((await emu.call("GET", "/beta/servicePrincipals?$top=5&$skiptoken=garbage")).status).toBe(400);
  });

  it("$search needs ConsistencyLevel: eventual (400 Request_UnsupportedQuery without it)", async () => {
    const without = await emu.call("GET", '/beta/servicePrincipals?$search="displayName:sales"');
    expect(without.status).toBe(400);
    expect(without.body.error.code).toBe("Request_UnsupportedQuery");
    expect(without.body.error.message).toContain("ConsistencyLevel: eventual");
    const withHeader = await emu.call("GET", `/beta/servicePrincipals?$search=${encodeURIComponent('"displayName:sales"')}&$count=true`, { headers: eventual });
    expect(withHeader.status).toBe(200);
    expect(withHeader.body.value.map((sp: { displayName: string }) => sp.displayName).sort()).toEqual(["Salesforce", "Salesforce Sandbox"]);
    expect(withHeader.body["@odata.count"]).toBe(2);
    const xss = await emu.call("GET", `/beta/servicePrincipals?$search=${encodeURIComponent('"displayName:img"')}`, { headers: eventual });
    expect(xss.body.value.map((sp: { displayName: string }) => sp.displayName)).toContain(XSS_DISPLAY_NAME);
    const or = await emu.call("GET", `/beta/servicePrincipals?$search=${encodeURIComponent('"displayName:zoom" OR "displayName:slack"')}`, { headers: eventual });
    expect(or.body.value).toHaveLength(2);
  });

  it("$count=true without the header is ignored; @odata.count only on the first page", async () => {
    const ignored = await emu.call("GET", "/beta/servicePrincipals?$count=true&$top=3");
    expect(ignored.status).toBe(200);
    expect(ignored.body["@odata.count"]).toBeUndefined();
    const counted = await emu.call("GET", "/beta/servicePrincipals?$count=true&$top=999", { headers: eventual });
    expect(counted.body["@odata.count"]).toBe(TOTAL);
    const second = await emu.call("GET", pathOf(counted.body["@odata.nextLink"]), { headers: eventual });
    expect(second.body["@odata.count"]).toBeUndefined();
    expect((await emu.call("GET", "/beta/servicePrincipals/$count")).status).toBe(400);
    const count = await emu.call("GET", "/beta/servicePrincipals/$count", { headers: eventual });
    expect(count.text).toBe(String(TOTAL));
  });

  it("$filter: startswith, eq on appId (any case), tags/any, and advanced-only operators", async () => {
    const starts = await emu.call("GET", `/beta/servicePrincipals?$filter=${encodeURIComponent("startswith(displayName,'salesforce')")}`);
    expect(starts.body.value.map((sp: { id: string }) => sp.id).sort()).toEqual([SP.salesforce, SP.salesforceSandbox].sort());
    const byAppId = await emu.call("GET", `/beta/servicePrincipals?$filter=${encodeURIComponent(`AppId eq '${APP_ID.box}'`)}`);
    expect(byAppId.body.value.map((sp: { id: string }) => sp.id)).toEqual([SP.box]);
    const tags = await emu.call("GET", `/beta/servicePrincipals?$top=999&$filter=${encodeURIComponent("tags/any(t:t eq 'WindowsAzureActiveDirectoryCustomSingleSignOnApplication')")}`);
    expect(tags.body.value.map((sp: { id: string }) => sp.id)).toEqual(expect.arrayContaining([SP.customScim, SP.xss]));
    const ne = `/beta/servicePrincipals?$filter=${encodeURIComponent("displayName ne 'Box'")}&$count=true`;
    const neWithout = await emu.call("GET", ne);
    expect(neWithout.status).toBe(400);
    expect(neWithout.body.error.message).toContain("Operator 'ne' is not supported");
    expect((await emu.call("GET", ne, { headers: eventual })).body["@odata.count"]).toBe(TOTAL - 1);
    const unsupported = await emu.call("GET", `/beta/servicePrincipals?$filter=${encodeURIComponent("createdDateTime ge 2020-01-01")}`);
    expect(unsupported.body.error.code).toBe("Request_UnsupportedQuery");
    expect((await emu.call("GET", `/beta/servicePrincipals?$filter=${encodeURIComponent("startswith(displayName,")}`)).status).toBe(400);
  });

  it("$select unknown property → 400; $orderby needs advanced query parameters", async () => {
    expect((await emu.call("GET", "/beta/servicePrincipals?$select=nope")).status).toBe(400);
    expect((await emu.call("GET", "/beta/servicePrincipals?$orderby=displayName")).status).toBe(400);
    const sorted = await emu.call("GET", "/beta/servicePrincipals?$orderby=displayName desc&$count=true&$top=3", { headers: eventual });
    const names = sorted.body.value.map((sp: { displayName: string }) => sp.displayName);
    expect(names).toEqual([...names].sort().reverse());
  });
});

describe("GET /servicePrincipals/{id}", () => {
  it("by id and by appId, with $select", async () => {
    const byId = await emu.call("GET", `/v1.0/servicePrincipals/${SP.microsoftGraph}?$select=id,appId,displayName`);
    expect(byId.body).toMatchObject({ id: SP.microsoftGraph, appId: APP_ID.microsoftGraph, displayName: "Microsoft Graph" });
    expect(byId.body.tags).toBeUndefined();
    const byAppId = await emu.call("GET", `/beta/servicePrincipals(appId='${APP_ID.slack}')`);
    expect(byAppId.body.id).toBe(SP.slack);
    const jobs = await emu.call("GET", `/beta/servicePrincipals(appId='${APP_ID.slack}')/synchronization/jobs`);
    expect(jobs.body.value).toHaveLength(1);
  });

  it("404 Request_ResourceNotFound for unknown ids; 400 for malformed ids; first-party SPs have no templates", async () => {
    const missing = await emu.call("GET", "/beta/servicePrincipals/00000000-0000-0000-0000-000000000000");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("Request_ResourceNotFound");
    expect((await emu.call("GET", "/beta/servicePrincipals/00000000-0000-0000-0000-000000000000/synchronization/jobs")).status).toBe(404);
    expect((await emu.call("GET", "/beta/servicePrincipals/not-a-guid")).status).toBe(400);
    expect((await emu.call("GET", `/beta/servicePrincipals/${SP.exchangeOnline}/synchronization/templates`)).body.value).toEqual([]);
  });
});
