import { describe, expect, it } from "vitest";
import { docsAdviceFor } from "./error-advice";

describe("docsAdviceFor", () => {
  it("finds a code of the docs' table, also behind an app's prefix (the docs' own ContosoEntryConflict)", () => {
    expect(docsAdviceFor("MandatoryFieldsMissing")).toMatch(/^The user couldn't be created because required values are missing/);
    expect(docsAdviceFor("ContosoEntryConflict")).toBe(docsAdviceFor("Conflict"));
    expect(docsAdviceFor("Unauthorized")).toBe(docsAdviceFor("InsufficientRights"));
  });

  it("takes the longest code that fits, and says nothing for codes the table lacks", () => {
    expect(docsAdviceFor("InternalServerError")).toMatch(/^The target app returned an unexpected error/);
    expect(docsAdviceFor("InternalError")).toMatch(/^An internal service error occurred/);
    expect(docsAdviceFor("SalesforceInvalidCredentials")).toBeNull();
    expect(docsAdviceFor(null)).toBeNull();
  });
});
