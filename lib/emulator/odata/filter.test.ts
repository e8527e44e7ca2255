import { describe, expect, it } from "vitest";
import { evaluateFilter, parseFilter } from "./filter";

const sp = { displayName: "O'Brien Payroll", appId: "ABC", tags: ["WindowsAzureActiveDirectoryIntegratedApp", "HideApp"], accountEnabled: true, applicationTemplateId: null };
const matches = (filter: string) => evaluateFilter(parseFilter(filter).root, (path) => (sp as Record<string, unknown>)[path[0].toLowerCase() + path.slice(1)]);

describe("$filter", () => {
  it("evaluates startswith, eq (case-insensitive), in, null, booleans, and/or/not, lambdas", () => {
    expect(matches("startswith(displayName,'o''brien')")).toBe(true);
    expect(matches("appId eq 'abc'")).toBe(true);
    expect(matches("AppId eq 'abd'")).toBe(false);
    expect(matches("appId in ('x','ABC')")).toBe(true);
    expect(matches("applicationTemplateId eq null")).toBe(true);
    expect(matches("accountEnabled eq true and (appId eq 'x' or tags/any(t:t eq 'hideapp'))")).toBe(true);
    expect(matches("not(appId eq 'abc')")).toBe(false);
    expect(matches("tags/any(t:startswith(t,'Windows'))")).toBe(true);
    expect(matches("endswith(displayName,'payroll')")).toBe(true);
  });

  it("reports advanced-only operators and the properties used", () => {
    expect(parseFilter("displayName ne 'x'").usesAdvanced).toBe("ne");
    expect(parseFilter("endswith(displayName,'x')").usesAdvanced).toBe("endsWith");
    expect(parseFilter("startswith(displayName,'x')").usesAdvanced).toBeNull();
    expect([...parseFilter("tags/any(t:t eq 'a') and appId eq 'b'").properties].sort()).toEqual(["appId", "tags"]);
  });

  it("rejects malformed filters with Graph errors", () => {
    for (const bad of ["", "appId eq", "appId eq 'x", "(appId eq 'x'", "appId ~ 'x'", "contains(displayName,'x')", "appId eq 'x' extra"]) {
      expect(() => parseFilter(bad), bad).toThrow();
    }
  });
});
