import { describe, expect, it } from "vitest";
import { GraphError } from "@/lib/graph/graph-error";
import { logsAccessError } from "./access-error";

describe("logsAccessError", () => {
  it("is Graph's 403 (a missing AuditLog.Read.All or Directory.Read.All, or a role that may not read logs)", () => {
    const info = { kind: "forbidden" as const, status: 403, code: "Authentication_MSGraphPermissionMissing", message: "Calling principal does not have required MSGraph permissions AuditLog.Read.All" };
    expect(logsAccessError(new GraphError(info))).toEqual(info);
  });

  it("is a refused or missing consent from MSAL", () => {
    expect(logsAccessError({ errorCode: "access_denied", errorMessage: "AADSTS65004: User declined to consent to access the app." })).toMatchObject({ kind: "forbidden", code: "access_denied" });
    expect(logsAccessError({ errorCode: "invalid_client", message: "AADSTS65001: The user or administrator has not consented" })).toMatchObject({ code: "invalid_client" });
    expect(logsAccessError(new Error("AADSTS90094: admin consent required"))).toMatchObject({ code: "AADSTS90094" });
  });

  it("is not any other failure", () => {
    expect(logsAccessError(new GraphError({ kind: "throttled", status: 429, code: "TooManyRequests", message: "" }))).toBeNull();
    expect(logsAccessError(new GraphError({ kind: "unauthenticated", status: 401, code: "InvalidAuthenticationToken", message: "" }))).toBeNull();
    expect(logsAccessError({ errorCode: "no_network_connectivity" })).toBeNull();
    expect(logsAccessError(undefined)).toBeNull();
  });
});
