import { describe, expect, it } from "vitest";
import { jobCredentialsStatus } from "./job-credentials";
import { toSavedSecrets } from "./saved-secrets";

const templates = [
  { id: "SfOutDelta", factoryTag: "SfOutDelta", metadata: [{ key: "configurationFields", value: '[{"key":"UserName","required":true},{"key":"Password","secret":true,"required":true}]' }] },
  { id: "zoom", factoryTag: "CustomSCIM", metadata: [] },
  { id: "AD2AADProvisioning", factoryTag: "AD2AADProvisioning", metadata: [{ key: "isSynchronizationAgentRequired", value: "true" }] },
];

describe("jobCredentialsStatus", () => {
  it("reads the job's template fields against the saved secrets", () => {
    const saved = toSavedSecrets([{ key: "UserName", value: "admin@x.example" }, { key: "SyncAll", value: "false" }]);
    expect(jobCredentialsStatus(templates, "SfOutDelta", saved)).toBe("incomplete");
    expect(jobCredentialsStatus(templates, "zoom", saved)).toBe("missing");
    expect(jobCredentialsStatus(templates, "AD2AADProvisioning", [])).toBe("not-needed");
    // A template the SP no longer lists: the default tenant URL + secret token.
    expect(jobCredentialsStatus(templates, "gone", toSavedSecrets([{ key: "BaseAddress", value: "https://x.example" }, { key: "SecretToken", value: "*****" }]))).toBe("saved");
  });
});
