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
