import { describe, expect, it } from "vitest";
import { SCIM_TARGET_DEMO_TOKEN } from "./demo-token";
import { scimTargetOptionsFromEnv } from "./env";

describe("npm run scim-target's environment", () => {
  it("defaults to 127.0.0.1:4020 and the demo token", () => {
    expect(scimTargetOptionsFromEnv({})).toEqual({ options: { port: 4020, host: "127.0.0.1", token: SCIM_TARGET_DEMO_TOKEN } });
    expect(scimTargetOptionsFromEnv({ SCIM_TARGET_PORT: "0", SCIM_TARGET_HOST: "::1", SCIM_TARGET_TOKEN: "t0k" })).toEqual({ options: { port: 0, host: "::1", token: "t0k" } });
  });

  it("refuses a non-loopback host unless SCIM_TARGET_ALLOW_REMOTE=1, and then warns", () => {
    expect(scimTargetOptionsFromEnv({ SCIM_TARGET_HOST: "0.0.0.0" })).toEqual({ error: expect.stringContaining("not a loopback address") });
    expect(scimTargetOptionsFromEnv({ SCIM_TARGET_HOST: "192.168.1.5", SCIM_TARGET_ALLOW_REMOTE: "yes" })).toEqual({ error: expect.stringContaining("SCIM_TARGET_ALLOW_REMOTE") });
    const allowed = scimTargetOptionsFromEnv({ SCIM_TARGET_HOST: "0.0.0.0", SCIM_TARGET_ALLOW_REMOTE: "1" });
    expect(allowed).toMatchObject({ options: { host: "0.0.0.0" }, warning: expect.stringContaining("demo token") });
  });

  it("refuses a bad port or an empty token", () => {
    for (const port of ["-1", "65536", "80a", "1.5"]) expect(scimTargetOptionsFromEnv({ SCIM_TARGET_PORT: port })).toHaveProperty("error");
    expect(scimTargetOptionsFromEnv({ SCIM_TARGET_TOKEN: " " })).toHaveProperty("error");
  });
});
