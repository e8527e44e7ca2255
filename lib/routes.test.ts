import { describe, expect, it } from "vitest";
import { routes } from "./routes";

describe("routes", () => {
  it("keeps a job id with dots as one segment", () => {
    expect(routes.job("3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01", "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01")).toBe(
      "/service-principals/3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01/jobs/BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01",
    );
  });
  it("puts the Configure page under its job", () => {
    expect(routes.jobConfigure("3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01", "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01")).toBe(
      "/service-principals/3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01/jobs/BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01/configure",
    );
  });
  it("puts a job's logs under its job, and the tenant's at /logs, with their filters", () => {
    expect(routes.jobLogs("3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01", "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01", "?cycle=c.1")).toBe(
      "/service-principals/3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01/jobs/BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01/logs?cycle=c.1",
    );
    expect(routes.logs()).toBe("/logs");
    expect(routes.logs("?status=failure")).toBe("/logs?status=failure");
  });
  it("puts the mappings (with their search) and provision on demand (with its choice) under their job", () => {
    const job = routes.job("3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01", "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01");
    expect(routes.jobMappings("3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01", "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01", "name & mail")).toBe(`${job}/mappings?q=name%20%26%20mail`);
    expect(routes.jobMappings("3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01", "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01")).toBe(`${job}/mappings`);
    expect(routes.jobProvision("3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01", "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01", "?user=u")).toBe(`${job}/provision?user=u`);
  });
  it("encodes characters that would change the path or query", () => {
    expect(routes.job("a/b", "x?y#z")).toBe("/service-principals/a%2Fb/jobs/x%3Fy%23z");
    expect(routes.servicePrincipals("sales & force")).toBe("/service-principals?q=sales%20%26%20force");
    expect(routes.servicePrincipals("")).toBe("/service-principals");
  });
});
