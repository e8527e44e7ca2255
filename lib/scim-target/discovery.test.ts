import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTERPRISE, GROUP_SCHEMA, USER_SCHEMA, startTestTarget, type TestTarget } from "@/test/support/scim-target-client";

/** /ServiceProviderConfig, /Schemas, /ResourceTypes (RFC 7644 §4), as scimmy describes them. */
let t: TestTarget;
beforeAll(async () => {
  t = await startTestTarget();
});
afterAll(() => t.close());

describe("discovery", () => {
  it("ServiceProviderConfig says what the target supports", async () => {
    const { status, body } = await t.call("GET", "/ServiceProviderConfig");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 1000 },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: true },
      authenticationSchemes: [{ type: "oauthbearertoken" }],
      meta: { resourceType: "ServiceProviderConfig", location: `${t.target.url}/ServiceProviderConfig` },
    });
  });

  it("Schemas lists User, the Enterprise extension and Group, each also by its URN", async () => {
    const { body } = await t.call("GET", "/Schemas");
    expect(body).toMatchObject({ totalResults: 3, itemsPerPage: 3, startIndex: 1 });
    expect(body.Resources.map((s: { id: string }) => s.id)).toEqual([USER_SCHEMA, ENTERPRISE, GROUP_SCHEMA]);
    const user = await t.call("GET", `/Schemas/${USER_SCHEMA}`);
    expect(user.body.meta).toEqual({ resourceType: "Schema", location: `${t.target.url}/Schemas/${USER_SCHEMA}` });
    expect(user.body.attributes.find((a: { name: string }) => a.name === "userName")).toMatchObject({ required: true, caseExact: false, uniqueness: "server" });
    expect((await t.call("GET", "/Schemas/urn:nope")).status).toBe(404);
  });

  it("ResourceTypes lists User (with the optional extension) and Group", async () => {
    const { body } = await t.call("GET", "/ResourceTypes");
    expect(body.Resources).toEqual([
      expect.objectContaining({ id: "User", endpoint: "/Users", schema: USER_SCHEMA, schemaExtensions: [{ schema: ENTERPRISE, required: false }] }),
      expect.objectContaining({ id: "Group", endpoint: "/Groups", schema: GROUP_SCHEMA }),
    ]);
    expect((await t.call("GET", "/ResourceTypes/Group")).body.meta.location).toBe(`${t.target.url}/ResourceTypes/Group`);
  });

  it("refuses a filter on discovery endpoints with 403 (RFC 7644 §4)", async () => {
    const answer = await t.call("GET", '/Schemas?filter=id eq "x"');
    expect(answer).toMatchObject({ status: 403, body: { status: "403" } });
  });
});
