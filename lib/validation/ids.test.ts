import { describe, expect, it } from "vitest";
import { idProblem, jobId, servicePrincipalId, templateId } from "./ids";

describe("servicePrincipalId", () => {
  it("accepts GUIDs in either case", () => {
    expect(idProblem(servicePrincipalId, "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01")).toBeNull();
    expect(idProblem(servicePrincipalId, "3C6F3D5E-0B1A-4D2E-9F10-2B7A1C4E5D01")).toBeNull();
  });
  it.each(["", "box", "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d0", "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01/../x", "{3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01}", 42, null])(
    "rejects %j",
    (value) => expect(idProblem(servicePrincipalId, value)).not.toBeNull(),
  );
});

describe("jobId and templateId", () => {
  it.each(["BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01", "scim", "API2AAD.b16687d38faf42adb29892cdcaf01c6e.1a03de52-b9c3-4e2c-a1e3-9145aaa8e530", "gitHubEnterpriseManagedUser"])(
    "accepts %s",
    (value) => expect(idProblem(jobId, value)).toBeNull(),
  );
  it.each([
    ["..", /letters|\.\./],
    [".hidden", /letters/],
    ["a..b", /\.\./],
    ["a/b", /letters/],
    ["a%2Fb", /letters/],
    ["a?b", /letters/],
    ["a#b", /letters/],
    ["a\u0000b", /letters/],
    ["Вох", /letters/],
    ['{"id":1}', /letters/],
    ["<script>", /letters/],
    ["x".repeat(201), /longer than 200/],
    ["", /empty/],
  ])("rejects %j with a clear message", (value, message) => {
    expect(idProblem(jobId, value)).toMatch(message);
  });
  it("bounds template ids tighter", () => {
    expect(idProblem(templateId, "t".repeat(101))).toMatch(/longer than 100/);
    expect(idProblem(templateId, 7)).not.toBeNull();
  });
});
