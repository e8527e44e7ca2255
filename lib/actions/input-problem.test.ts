import { describe, expect, it } from "vitest";
import { z } from "zod";
import { inputProblem } from "./run-graph-action";

describe("inputProblem", () => {
  it("names the field and never quotes the value", () => {
    const schema = z.strictObject({ templateId: z.string().min(1, "The template id is empty.") });
    const empty = schema.safeParse({ templateId: "" });
    expect(empty.success).toBe(false);
    if (!empty.success) expect(inputProblem(empty.error)).toEqual({ kind: "invalid-input", status: 0, code: "InvalidInput", field: "templateId", message: "The template id is empty." });
    const typed = schema.safeParse({ templateId: 5 });
    if (!typed.success) expect(inputProblem(typed.error)).toMatchObject({ field: "templateId", message: "The template id must be a string." });
    const extra = schema.safeParse({ templateId: "x", a: 1, b: 2 });
    if (!extra.success) expect(inputProblem(extra.error)).toMatchObject({ field: "input", message: 'Unexpected fields: "a", "b".' });
    const notObject = schema.safeParse("x");
    if (!notObject.success) expect(inputProblem(notObject.error)).toMatchObject({ field: "input", message: "The input must be an object." });
  });
});

describe("inputProblem for nested input", () => {
  it("names one nested key of ours, never an index or a hostile key", () => {
    const schema = z.strictObject({
      credentials: z.partialRecord(z.enum(["SecretToken"]), z.string()),
      settings: z.strictObject({ syncAll: z.boolean() }),
      resetScope: z.array(z.string()),
    });
    const parse = (input: unknown) => {
      const result = schema.safeParse(input);
      return result.success ? null : inputProblem(result.error);
    };
    const valid = { credentials: {}, settings: { syncAll: false }, resetScope: [] };
    expect(parse({ ...valid, credentials: { SecretToken: 5 } })).toMatchObject({ field: "credentials.SecretToken", message: "The value of SecretToken must be a string." });
    expect(parse({ ...valid, settings: { syncAll: "true" } })).toMatchObject({ field: "settings.syncAll", message: "The scope must be true or false." });
    expect(parse({ ...valid, resetScope: [1] })).toMatchObject({ field: "resetScope" });
    expect(parse({ ...valid, credentials: { ["k".repeat(300)]: "x" } })).toMatchObject({ field: "credentials" });
    expect(parse({ ...valid, credentials: "x" })).toMatchObject({ field: "credentials", message: "The credentials must be an object." });
  });
});
